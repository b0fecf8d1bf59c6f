package dev.catalog.testkube;

import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/** Reads a Secret's values as the kube-apiserver returns them: base64 in {@code data}. */
public final class SecretData {
  private SecretData() {}

  /** The Secret's keys and UTF-8 values, sorted by key, in a map the caller may change. */
  public static Map<String, String> decoded(Secret secret) {
    var decoded = new TreeMap<String, String>();
    secret
        .getData()
        .forEach(
            (k, v) ->
                decoded.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    return decoded;
  }
}
