package dev.catalog.render.marketplace;

import java.util.Objects;

/**
 * One parameter of a plan's JSON Schema as the marketplace shows it.
 *
 * @param name dotted path from the top ({@code backup.window}); an alternative of {@code oneOf} or
 *     {@code anyOf} is {@code name (option N)}
 * @param type the JSON type(s), {@code array of string} for arrays, empty when the schema has none
 * @param defaultValue the default as compact JSON, empty when none
 * @param constraints bounds, lengths, pattern, format, allowed values; empty when none
 * @param description the schema's description (or title), empty when none
 * @param required whether the enclosing object lists it in {@code required}
 * @param depth nesting level, 0 at the top
 */
public record SchemaRow(
    String name,
    String type,
    String defaultValue,
    String constraints,
    String description,
    boolean required,
    int depth) {
  public SchemaRow {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(constraints, "constraints");
    Objects.requireNonNull(description, "description");
  }
}
