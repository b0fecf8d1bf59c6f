package dev.catalog.render.marketplace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The words of one schema's type, constraints and description, for {@link SchemaTable}. */
final class SchemaText {
  private static final List<String[]> BOUNDS =
      List.of(
          new String[] {"minimum", ">= "},
          new String[] {"maximum", "<= "},
          new String[] {"exclusiveMinimum", "> "},
          new String[] {"exclusiveMaximum", "< "},
          new String[] {"multipleOf", "multiple of "},
          new String[] {"minLength", "length >= "},
          new String[] {"maxLength", "length <= "},
          new String[] {"minItems", "items >= "},
          new String[] {"maxItems", "items <= "},
          new String[] {"pattern", "pattern "},
          new String[] {"format", "format "});

  private SchemaText() {}

  static String type(JsonNode schema) {
    if (schema.has("$ref")) {
      return "see " + schema.get("$ref").asText();
    }
    var type = schema.path("type");
    String text;
    if (type.isArray()) {
      var names = new ArrayList<String>();
      type.forEach(t -> names.add(t.asText()));
      text = String.join(" | ", names);
    } else {
      text = type.asText("");
    }
    if (text.isEmpty() && (schema.has("oneOf") || schema.has("anyOf"))) {
      return schema.has("oneOf") ? "one of the options below" : "any of the options below";
    }
    if (text.equals("array") && schema.path("items").has("type")) {
      return "array of " + type(schema.get("items"));
    }
    if (text.isEmpty() && schema.has("properties")) {
      return "object";
    }
    return text;
  }

  static String constraints(JsonNode schema) {
    var parts = new ArrayList<String>();
    for (var bound : BOUNDS) {
      var value = schema.get(bound[0]);
      if (value != null && !value.isBoolean()) {
        parts.add(bound[1] + (value.isTextual() ? value.asText() : value.toString()));
      }
    }
    if (schema.has("enum")) {
      var values = new ArrayList<String>();
      schema.get("enum").forEach(v -> values.add(v.toString()));
      parts.add("one of " + String.join(", ", values));
    }
    if (schema.has("const")) {
      parts.add("exactly " + schema.get("const"));
    }
    if (schema.path("additionalProperties").isBoolean()
        && !schema.get("additionalProperties").asBoolean()) {
      parts.add("no other properties");
    }
    return String.join("; ", parts);
  }

  static String description(JsonNode schema) {
    var description = schema.path("description").asText("");
    return description.isEmpty() ? schema.path("title").asText("") : description;
  }
}
