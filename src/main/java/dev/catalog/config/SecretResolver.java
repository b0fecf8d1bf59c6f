package dev.catalog.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.Redactor;
import dev.catalog.Secret;
import dev.catalog.SensitiveJson;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Reads the values behind {@link SecretRef}s, only when a command needs them (never during {@code
 * validate}). Values come back as {@link Secret} or {@link SensitiveJson}; a failure names the
 * reference and its {@code file:line:column} but never a value or content.
 */
public final class SecretResolver {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> env;
  private final Supplier<KubernetesClient> kubernetes;
  private final Redactor redactor;

  /**
   * @param env the environment for {@code fromEnv}
   * @param kubernetes a client for {@code fromSecret}, created on first use only
   */
  public SecretResolver(Map<String, String> env, Supplier<KubernetesClient> kubernetes) {
    this(env, kubernetes, new Redactor());
  }

  /**
   * @param redactor learns every value read from the environment, a file or a Secret, so the run
   *     scrubs it out of outside text
   */
  public SecretResolver(
      Map<String, String> env, Supplier<KubernetesClient> kubernetes, Redactor redactor) {
    this.env = Map.copyOf(env);
    this.kubernetes = kubernetes;
    this.redactor = redactor;
  }

  /** The value behind a reference (or an inline username). */
  public Secret resolve(SecretRef ref) {
    var value = read(ref);
    if (!(ref instanceof SecretRef.Literal)) {
      redactor.add(value);
    }
    return value;
  }

  private Secret read(SecretRef ref) {
    if (ref instanceof SecretRef.Literal literal) {
      return Secret.of(literal.value());
    } else if (ref instanceof SecretRef.FromEnv fromEnv) {
      var value = env.get(fromEnv.name());
      if (value == null) {
        throw fail(ref, "environment variable \"" + fromEnv.name() + "\" is not set", "");
      }
      return nonEmpty(ref, value);
    } else if (ref instanceof SecretRef.FromFile fromFile) {
      return nonEmpty(ref, readFile(fromFile));
    } else if (ref instanceof SecretRef.FromSecret fromSecret) {
      return nonEmpty(ref, readKubernetesSecret(fromSecret));
    }
    throw new AssertionError(ref.getClass());
  }

  /** The JSON object behind a {@code parametersFrom} reference. */
  public SensitiveJson resolveObject(SecretRef ref) {
    var text = resolve(ref);
    try {
      var node = JSON.readTree(text.reveal());
      if (node instanceof ObjectNode object) {
        redactor.addLeaves(object);
        return SensitiveJson.of(object);
      }
    } catch (IOException e) {
      // The parser's message quotes the content, which is secret: report without it.
    }
    throw fail(ref, "the content of " + ref.describe() + " is not a JSON object", "");
  }

  private String readFile(SecretRef.FromFile ref) {
    try {
      var content = Files.readString(ref.path(), StandardCharsets.UTF_8);
      // Files written by editors and `echo` end with a newline that is not part of the secret.
      if (content.endsWith("\r\n")) {
        return content.substring(0, content.length() - 2);
      }
      return content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    } catch (NoSuchFileException e) {
      throw fail(ref, "file \"" + ref.written() + "\" not found", "");
    } catch (IOException e) {
      throw fail(
          ref, "cannot read file \"" + ref.written() + "\": " + e.getClass().getSimpleName(), "");
    }
  }

  private String readKubernetesSecret(SecretRef.FromSecret ref) {
    var what = "Kubernetes Secret \"" + ref.namespace() + "/" + ref.name() + "\"";
    io.fabric8.kubernetes.api.model.Secret secret;
    try {
      secret = kubernetes.get().secrets().inNamespace(ref.namespace()).withName(ref.name()).get();
    } catch (KubernetesClientException e) {
      var status = e.getCode() > 0 ? "HTTP " + e.getCode() : "no answer from the API server";
      throw fail(ref, "cannot read " + what + ": " + status, "");
    }
    if (secret == null) {
      throw fail(ref, what + " not found", "");
    }
    var data = secret.getData() == null ? Map.<String, String>of() : secret.getData();
    var encoded = data.get(ref.key());
    if (encoded != null) {
      return new String(Base64.getMimeDecoder().decode(encoded), StandardCharsets.UTF_8);
    }
    var plain = secret.getStringData() == null ? Map.<String, String>of() : secret.getStringData();
    if (plain.containsKey(ref.key())) {
      return plain.get(ref.key());
    }
    var keys = new TreeSet<>(data.keySet());
    keys.addAll(plain.keySet());
    throw fail(
        ref,
        what + " has no key \"" + ref.key() + "\"",
        keys.isEmpty() ? "it has no keys" : "it has: " + String.join(", ", keys));
  }

  /**
   * An empty value is refused: CI systems expand an unconfigured secret to an empty string, and
   * sending an empty password would fail later with a less helpful 401.
   */
  private static Secret nonEmpty(SecretRef ref, String value) {
    if (value.isEmpty()) {
      throw fail(ref, "the value of " + ref.describe() + " is empty", "");
    }
    return Secret.of(value);
  }

  private static ConfigException fail(SecretRef ref, String message, String hint) {
    return new ConfigException(List.of(new Diagnostic(ref.location(), ref.field(), message, hint)));
  }
}
