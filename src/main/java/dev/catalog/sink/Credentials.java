package dev.catalog.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.state.Fingerprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A binding's credentials, as the broker returned them: a JSON object whose values are masked.
 *
 * <p>Not a record on purpose, like {@link dev.catalog.Secret}: {@link #toString()} is {@code
 * (sensitive)} and the content is reachable only through {@link #reveal()}, so credentials cannot
 * reach a log line, an exception message or state by accident.
 */
public final class Credentials {
  private final ObjectNode value;

  private Credentials(ObjectNode value) {
    this.value = value.deepCopy();
  }

  /** Wraps the {@code credentials} object of a bind response (copied). */
  public static Credentials of(ObjectNode credentials) {
    return new Credentials(Objects.requireNonNull(credentials, "credentials"));
  }

  /** A copy of the credentials object, for the one place that writes it to a sink. */
  public ObjectNode reveal() {
    return value.deepCopy();
  }

  /** The top-level credential names; names are not secret, values are. */
  public List<String> keys() {
    var keys = new ArrayList<String>();
    value.fieldNames().forEachRemaining(keys::add);
    return List.copyOf(keys);
  }

  /** Whether there are no credentials at all (a broker may return none). */
  public boolean isEmpty() {
    return value.isEmpty();
  }

  /**
   * The keyed hash ({@code hmac-sha256:HEX}) of the canonical JSON: all that state keeps, enough to
   * notice that a re-bind returned other credentials.
   */
  public String fingerprint(FingerprintKey key) {
    return Fingerprint.of(key.bytes(), (JsonNode) value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Credentials other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "(sensitive)";
  }
}
