package dev.catalog;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A JSON object whose values must never be shown or logged: binding credentials as a broker sent
 * them or as a sink holds them, and the objects {@code parametersFrom} reads from secrets. The one
 * holder of such values in every layer (issue 12: three copies of it were merged here).
 *
 * <p>Not a record on purpose, like {@link Secret}: {@link #toString()} is {@code (sensitive)}, and
 * the values are reachable only through {@link #reveal()}, at the one place that sends or stores
 * them. The top-level keys are not secret and can be listed.
 */
public final class SensitiveJson {
  /** An empty object (a broker that generated no credentials). */
  public static final SensitiveJson EMPTY =
      new SensitiveJson(JsonNodeFactory.instance.objectNode());

  private final ObjectNode value;

  private SensitiveJson(ObjectNode value) {
    this.value = value;
  }

  /** Wraps a copy of {@code value}. */
  public static SensitiveJson of(ObjectNode value) {
    return new SensitiveJson(Objects.requireNonNull(value, "value").deepCopy());
  }

  /** A copy of the object, for the one place that sends or stores it. */
  public ObjectNode reveal() {
    return value.deepCopy();
  }

  /** The top-level keys (e.g. {@code uri}, {@code username}), which are not secret. */
  public List<String> keys() {
    var keys = new ArrayList<String>();
    value.fieldNames().forEachRemaining(keys::add);
    return List.copyOf(keys);
  }

  /** Whether the object is empty. */
  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SensitiveJson other && value.equals(other.value);
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
