package dev.catalog.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.FrozenJson;
import dev.catalog.state.RecordedParameters;
import java.util.List;
import java.util.Objects;

/**
 * Parameters as they will be sent: the YAML {@code parameters} with every {@code parametersFrom}
 * object merged over them. Values at {@link #sensitivePointers()} are secret: they are reachable
 * only through {@link #reveal()}, and {@link #toString()} never shows any value.
 */
public final class DesiredParameters {
  private final ObjectNode values;
  private final List<String> sensitivePointers;

  /**
   * @param values the full parameters (copied)
   * @param sensitivePointers JSON Pointers (RFC 6901) of secret values; those with no value are
   *     dropped
   */
  public DesiredParameters(ObjectNode values, List<String> sensitivePointers) {
    this.values = FrozenJson.freeze(Objects.requireNonNull(values, "values"));
    // Only values that are there are secret; a schema's password property left unset is not.
    this.sensitivePointers =
        sensitivePointers.stream()
            .distinct()
            .sorted()
            .filter(p -> !values.at(p).isMissingNode())
            .toList();
  }

  /** The full parameters, secrets included: only for the request that sends them. */
  public ObjectNode reveal() {
    return values.deepCopy();
  }

  /** Whether no parameters were declared. */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** JSON Pointers of the secret values, sorted. */
  public List<String> sensitivePointers() {
    return sensitivePointers;
  }

  /**
   * What state will record of these parameters: secrets removed, fingerprinted with {@code key}.
   */
  public RecordedParameters recorded(byte[] key) {
    return RecordedParameters.of(values, sensitivePointers, key);
  }

  /**
   * The parameters with the secret values removed: safe to show and to save. Immutable ({@link
   * FrozenJson}); without secrets, the parameters themselves (no copy).
   */
  public JsonNode redacted() {
    if (sensitivePointers.isEmpty()) {
      return values;
    }
    return recorded(new byte[1]).frozenValues();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DesiredParameters other
        && values.equals(other.values)
        && sensitivePointers.equals(other.sensitivePointers);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "DesiredParameters" + redacted() + " sensitive=" + sensitivePointers;
  }
}
