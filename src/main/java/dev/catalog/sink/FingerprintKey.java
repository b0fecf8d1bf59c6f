package dev.catalog.sink;

import dev.catalog.SensitiveJson;
import dev.catalog.state.Fingerprint;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The HMAC key for credential fingerprints. By default it is derived from the state's lineage, so
 * everyone sharing a state computes the same fingerprints with no set-up; {@value #ENV} replaces it
 * with a key kept outside the state, so someone who can read the state cannot test guesses of
 * low-entropy credentials against it. docs/apply.md weighs the two.
 */
public final class FingerprintKey {
  /** The environment variable holding a user-provided key. */
  public static final String ENV = "CATALOG_FINGERPRINT_KEY";

  private final byte[] bytes;
  private final String source;

  private FingerprintKey(byte[] bytes, String source) {
    this.bytes = bytes;
    this.source = source;
  }

  /** {@value #ENV} when set and not blank, else the key derived from {@code lineage}. */
  public static FingerprintKey choose(Map<String, String> env, String lineage) {
    String configured = env.get(ENV);
    if (configured != null && !configured.isBlank()) {
      return new FingerprintKey(configured.getBytes(StandardCharsets.UTF_8), "environment");
    }
    return new FingerprintKey(Fingerprint.keyFor(lineage), "lineage");
  }

  byte[] bytes() {
    return bytes.clone();
  }

  /** Where the key came from: {@code environment} or {@code lineage}; never the key. */
  public String source() {
    return source;
  }

  /**
   * The keyed hash ({@code hmac-sha256:HEX}) of the canonical JSON of {@code credentials}: all that
   * state keeps of them, enough to notice that a re-bind returned other credentials.
   */
  public String fingerprint(SensitiveJson credentials) {
    return Fingerprint.of(bytes, credentials.reveal());
  }

  @Override
  public String toString() {
    return "FingerprintKey[from " + source + "]";
  }
}
