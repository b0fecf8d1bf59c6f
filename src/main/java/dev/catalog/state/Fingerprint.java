package dev.catalog.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes (HMAC-SHA256) of secret values: state records them to notice a change in
 * credentials or sensitive parameters without holding the values (PRODUCT.md section 2).
 */
public final class Fingerprint {
  private static final ObjectMapper CANONICAL =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private Fingerprint() {}

  /** {@code hmac-sha256:HEX} of the canonical JSON of {@code value} (object keys sorted). */
  public static String of(byte[] key, JsonNode value) {
    try {
      var canonical = CANONICAL.writeValueAsBytes(CANONICAL.treeToValue(value, Object.class));
      return of(key, canonical);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot serialise a JSON tree", e);
    }
  }

  /** {@code hmac-sha256:HEX} of {@code bytes}. */
  public static String of(byte[] key, byte[] bytes) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
      return "hmac-sha256:" + HexFormat.of().formatHex(mac.doFinal(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  /**
   * The default key of a state: derived from its lineage, so fingerprints are stable for everyone
   * sharing the state. It detects changes; it does not protect low-entropy secrets from guessing
   * by someone who can read the state (docs/state.md).
   */
  public static byte[] keyFor(String lineage) {
    return ("catalog-fingerprint:" + lineage).getBytes(StandardCharsets.UTF_8);
  }
}
