package dev.catalog.render.marketplace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Flattens a plan's parameter JSON Schema into table rows: one per property, nested objects as
 * dotted names below their parent, each {@code oneOf}/{@code anyOf} alternative as a row of its
 * own. {@code $ref} is not followed (brokers' schemas are self-contained in practice); such a
 * property shows its reference as its type.
 */
public final class SchemaTable {
  private static final int MAX_DEPTH = 8;

  private final List<SchemaRow> rows = new ArrayList<>();

  private SchemaTable() {}

  /** The rows of {@code schema}, an object schema; empty when it declares no properties. */
  public static List<SchemaRow> rows(JsonNode schema) {
    var table = new SchemaTable();
    table.properties(schema, "", 0);
    return List.copyOf(table.rows);
  }

  private void properties(JsonNode schema, String prefix, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    Set<String> required = new HashSet<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    var properties = schema.path("properties");
    properties
        .fieldNames()
        .forEachRemaining(
            name -> property(prefix + name, properties.get(name), required.contains(name), depth));
    alternatives(schema, prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1), depth);
  }

  private void property(String name, JsonNode schema, boolean required, int depth) {
    rows.add(
        new SchemaRow(
            name,
            SchemaText.type(schema),
            schema.has("default") ? schema.get("default").toString() : "",
            SchemaText.constraints(schema),
            SchemaText.description(schema),
            required,
            depth));
    if (schema.has("properties")) {
      properties(schema, name + ".", depth + 1);
    } else {
      alternatives(schema, name, depth);
    }
  }

  /** Each alternative of {@code oneOf}/{@code anyOf} as {@code name (option N)}. */
  private void alternatives(JsonNode schema, String name, int depth) {
    for (var keyword : List.of("oneOf", "anyOf")) {
      var options = schema.path(keyword);
      for (int i = 0; i < options.size(); i++) {
        var option = options.get(i);
        var label = (name.isEmpty() ? "" : name + " ") + "(option " + (i + 1) + ")";
        var title = option.path("title").asText("");
        rows.add(
            new SchemaRow(
                label,
                SchemaText.type(option),
                option.has("default") ? option.get("default").toString() : "",
                SchemaText.constraints(option),
                title.isEmpty() ? SchemaText.description(option) : title,
                false,
                depth + 1));
        if (option.has("properties")) {
          properties(option, label + ".", depth + 2);
        }
      }
    }
  }
}
