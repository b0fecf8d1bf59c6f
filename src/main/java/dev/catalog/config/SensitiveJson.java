package dev.catalog.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON object read through {@code parametersFrom}: merged into the parameters sent to a broker,
 * but shown as {@code (sensitive)} everywhere else. Like {@link dev.catalog.Secret}, its content is
 * reachable only through {@link #reveal()}.
 */
public final class SensitiveJson {
  private final ObjectNode value;

  SensitiveJson(ObjectNode value) {
    this.value = value.deepCopy();
  }

  /** A copy of the object, for the one place that sends it. */
  public ObjectNode reveal() {
    return value.deepCopy();
  }

  /** The top-level keys, which are not secret (the planner marks them sensitive). */
  public List<String> keys() {
    var keys = new ArrayList<String>();
    value.fieldNames().forEachRemaining(keys::add);
    return List.copyOf(keys);
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
