package dev.catalog.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.catalog.FrozenJson;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Parameters as sent to the broker, minus their sensitive values. The values at {@code
 * sensitivePointers} (JSON pointers) are removed and replaced by one keyed-hash fingerprint, so
 * state can tell that they changed without holding them.
 *
 * @param values the parameters with sensitive values removed; a deep copy, never shared
 * @param sensitivePointers JSON pointers of the removed values, sorted
 * @param sensitiveFingerprint keyed hash of the removed values, when there are any
 */
public record RecordedParameters(
    JsonNode values, List<String> sensitivePointers, Optional<String> sensitiveFingerprint) {

  /** No parameters. */
  public static final RecordedParameters NONE =
      new RecordedParameters(NullNode.getInstance(), List.of(), Optional.empty());

  public RecordedParameters {
    values = FrozenJson.freeze(Objects.requireNonNull(values, "values"));
    sensitivePointers = List.copyOf(sensitivePointers);
    Objects.requireNonNull(sensitiveFingerprint, "sensitiveFingerprint");
  }

  @Override
  public JsonNode values() {
    return values.deepCopy();
  }

  /** The values themselves, immutable ({@link FrozenJson}): no copy; changing them throws. */
  public JsonNode frozenValues() {
    return values;
  }

  /**
   * Records {@code sent}, removing the values at {@code pointers} and fingerprinting them with
   * {@code key}.
   */
  public static RecordedParameters of(JsonNode sent, List<String> pointers, byte[] key) {
    return SensitiveValues.redact(sent, pointers, key);
  }
}
