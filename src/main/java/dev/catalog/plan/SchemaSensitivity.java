package dev.catalog.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the properties a plan's schema marks secret: {@code writeOnly: true} or {@code format:
 * password}. Their values render as {@code (sensitive)} and are absent from JSON output.
 */
final class SchemaSensitivity {
  private SchemaSensitivity() {}

  /** JSON Pointers of secret properties, following nested {@code properties}. */
  static List<String> pointers(Optional<JsonNode> schema) {
    var out = new ArrayList<String>();
    schema.ifPresent(s -> collect(s, "", out));
    return out;
  }

  private static void collect(JsonNode schema, String prefix, List<String> out) {
    var properties = schema.path("properties");
    properties
        .fields()
        .forEachRemaining(
            entry -> {
              var pointer = prefix + "/" + entry.getKey().replace("~", "~0").replace("/", "~1");
              var property = entry.getValue();
              if (property.path("writeOnly").asBoolean(false)
                  || "password".equals(property.path("format").asText())) {
                out.add(pointer);
              } else {
                collect(property, pointer, out);
              }
            });
  }
}
