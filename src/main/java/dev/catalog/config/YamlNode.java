package dev.catalog.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the place it was written: the located tree the loader binds to records.
 * Jackson's own tree drops locations, hence this one.
 */
sealed interface YamlNode {
  Location location();

  /** What the value is, for "expected an object, got a list" messages. */
  String kind();

  /** A mapping; {@code entries} keep the written order. */
  record YamlMap(Map<String, Entry> entries, Location location) implements YamlNode {
    public YamlMap {
      entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
    }

    @Override
    public String kind() {
      return "an object";
    }
  }

  /** One key of a mapping, with where the key itself is (unknown-key errors point there). */
  record Entry(String key, Location keyLocation, YamlNode value) {}

  /** A sequence. */
  record YamlList(List<YamlNode> items, Location location) implements YamlNode {
    public YamlList {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "a list";
    }
  }

  /**
   * A scalar.
   *
   * @param value the typed value (text after {@code ${ENV}} expansion, number, boolean, null)
   * @param text the scalar as written (after expansion), so {@code 2.10} stays {@code "2.10"}
   * @param broken whether a problem was already reported for it (an unset variable); binding then
   *     skips it rather than report follow-on errors about the half-expanded text
   */
  record YamlScalar(JsonNode value, String text, Location location, boolean broken)
      implements YamlNode {
    YamlScalar(JsonNode value, String text, Location location) {
      this(value, text, location, false);
    }

    boolean isNull() {
      return value.isNull();
    }

    @Override
    public String kind() {
      if (value.isTextual()) {
        return "a string";
      } else if (value.isNumber()) {
        return "a number";
      } else if (value.isBoolean()) {
        return "a boolean";
      }
      return "null";
    }
  }
}
