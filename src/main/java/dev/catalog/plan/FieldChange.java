package dev.catalog.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * One field of a resource before and after: {@code plan}, {@code parameters.storage_gb}. A
 * sensitive field carries no values at all, only the fact that it is there or changed.
 *
 * @param path the field as the user reads it, like {@code parameters.tags[0]}
 * @param before the value before, or empty when the field is new (or sensitive)
 * @param after the value after, or empty when the field goes away (or sensitive)
 * @param sensitive whether the value is secret and must never be shown
 * @param forcesReplacement whether this change is why the resource is replaced
 */
public record FieldChange(
    String path,
    Optional<JsonNode> before,
    Optional<JsonNode> after,
    boolean sensitive,
    boolean forcesReplacement) {
  public FieldChange {
    Objects.requireNonNull(path, "path");
    before = before.map(JsonNode::deepCopy);
    after = after.map(JsonNode::deepCopy);
    if (sensitive && (before.isPresent() || after.isPresent())) {
      throw new IllegalArgumentException("a sensitive field carries no values: " + path);
    }
  }

  /** A plain change between two (possibly absent) values. */
  public static FieldChange of(String path, Optional<JsonNode> before, Optional<JsonNode> after) {
    return new FieldChange(path, before, after, false, false);
  }

  /** A change of a secret value. */
  public static FieldChange sensitive(String path) {
    return new FieldChange(path, Optional.empty(), Optional.empty(), true, false);
  }

  /** This change, marked as the cause of a replacement. */
  public FieldChange forcingReplacement() {
    return new FieldChange(path, before, after, sensitive, true);
  }

  @Override
  public Optional<JsonNode> before() {
    return before.map(JsonNode::deepCopy);
  }

  @Override
  public Optional<JsonNode> after() {
    return after.map(JsonNode::deepCopy);
  }
}
