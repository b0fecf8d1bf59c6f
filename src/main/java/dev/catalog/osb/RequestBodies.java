package dev.catalog.osb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** Checks shared by the request records. */
final class RequestBodies {
  private RequestBodies() {}

  /** A deep copy of an object node, so callers cannot change a request after building it. */
  static JsonNode object(JsonNode node, String field) {
    Objects.requireNonNull(node, field);
    if (!node.isObject()) {
      throw new IllegalArgumentException(field + " must be a JSON object");
    }
    return node.deepCopy();
  }
}
