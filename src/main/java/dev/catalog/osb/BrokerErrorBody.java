package dev.catalog.osb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The spec's error body {@code {error, description, instance_usable, update_repeatable}} (checklist
 * E-02); every field optional, since brokers also send empty, HTML or array bodies.
 */
record BrokerErrorBody(
    Optional<String> error,
    Optional<String> description,
    Optional<Boolean> instanceUsable,
    Optional<Boolean> updateRepeatable) {

  static final BrokerErrorBody EMPTY =
      new BrokerErrorBody(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  /** Reads what it can; anything that is not a JSON object gives {@link #EMPTY}. */
  static BrokerErrorBody of(Optional<JsonNode> body) {
    if (body.isEmpty() || !body.get().isObject()) {
      return EMPTY;
    }
    var node = body.get();
    return new BrokerErrorBody(
        text(node, "error"), text(node, "description"),
        bool(node, "instance_usable"), bool(node, "update_repeatable"));
  }

  private static Optional<String> text(JsonNode node, String field) {
    var value = node.get(field);
    return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }

  private static Optional<Boolean> bool(JsonNode node, String field) {
    var value = node.get(field);
    return value != null && value.isBoolean() ? Optional.of(value.asBoolean()) : Optional.empty();
  }
}
