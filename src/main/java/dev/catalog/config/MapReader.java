package dev.catalog.config;

import dev.catalog.config.YamlNode.Entry;
import dev.catalog.config.YamlNode.YamlList;
import dev.catalog.config.YamlNode.YamlMap;
import dev.catalog.config.YamlNode.YamlScalar;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed access to the keys of one YAML mapping. Each wrong type, missing key or unknown key is
 * reported with its location and path, and the accessor returns empty, so binding goes on and every
 * problem in a file is found in one run. Records where each key's value was written into the
 * resource's source map.
 */
final class MapReader {
  private final YamlMap map;
  private final String path;
  private final String prefix;
  private final Map<String, Location> fields;
  private final ReadContext context;
  private final Set<String> suggested = new HashSet<>();

  private MapReader(
      YamlMap map, String path, String prefix, Map<String, Location> fields, ReadContext context) {
    this.map = map;
    this.path = path;
    this.prefix = prefix;
    this.fields = fields;
    this.context = context;
  }

  /**
   * A reader for {@code node} if it is a mapping; otherwise reports the wrong type.
   *
   * @param path the node's full path, like {@code brokers[0].auth}
   * @param prefix the node's path relative to its resource, like {@code auth}
   * @param fields the resource's source map, filled in as keys are read
   */
  static Optional<MapReader> of(
      YamlNode node,
      String path,
      String prefix,
      Map<String, Location> fields,
      ReadContext context) {
    if (node instanceof YamlMap m) {
      return Optional.of(new MapReader(m, path, prefix, fields, context));
    }
    context.diagnostics().error(node.location(), path, "expected an object, got " + node.kind());
    return Optional.empty();
  }

  /** Reports every key not in {@code allowed}, with the nearest allowed key as a hint. */
  MapReader allowOnly(List<String> allowed) {
    for (Entry entry : map.entries().values()) {
      if (!allowed.contains(entry.key())) {
        Suggestions.nearest(entry.key(), allowed).ifPresent(suggested::add);
        context
            .diagnostics()
            .error(
                entry.keyLocation(),
                pathOf(entry.key()),
                "unknown key",
                Suggestions.hint(entry.key(), allowed));
      }
    }
    return this;
  }

  Location location() {
    return map.location();
  }

  String path() {
    return path;
  }

  ReadContext context() {
    return context;
  }

  Map<String, Location> fields() {
    return fields;
  }

  List<String> keys() {
    return List.copyOf(map.entries().keySet());
  }

  /** The full path of a key, like {@code brokers[0].auth.basic}. */
  String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The path of a key relative to the resource, for the source map. */
  String prefixOf(String key) {
    return prefix.isEmpty() ? key : prefix + "." + key;
  }

  /** Where a key's value is, or where this mapping starts when the key is absent. */
  Location locationOf(String key) {
    var entry = map.entries().get(key);
    return entry == null ? map.location() : entry.value().location();
  }

  private boolean isBroken(String key) {
    var entry = map.entries().get(key);
    return entry != null && entry.value() instanceof YamlScalar s && s.broken();
  }

  /** Whether the key is written with a value other than null. */
  boolean has(String key) {
    var entry = map.entries().get(key);
    return entry != null && !(entry.value() instanceof YamlScalar s && s.isNull());
  }

  /** The key's value, unless absent, null or already reported as broken; records its location. */
  Optional<YamlNode> node(String key) {
    if (!has(key) || isBroken(key)) {
      return Optional.empty();
    }
    var value = map.entries().get(key).value();
    fields.put(prefixOf(key), value.location());
    return Optional.of(value);
  }

  /** Like {@link #node} but reports a missing key. */
  Optional<YamlNode> required(String key) {
    if (isBroken(key)) {
      return Optional.empty();
    } else if (!map.entries().containsKey(key)) {
      // A misspelt key ("paln") was already reported with this one as its suggestion.
      if (!suggested.contains(key)) {
        error(key, "missing required key", "");
      }
    } else if (!has(key)) {
      error(key, "missing value", "");
    }
    return node(key);
  }

  /** A scalar as written (numbers and booleans keep their text, like {@code 2.10}). */
  Optional<String> string(String key) {
    return node(key).flatMap(n -> scalarText(n, key));
  }

  /** A required, non-empty string. */
  Optional<String> requiredString(String key) {
    var value = required(key).flatMap(n -> scalarText(n, key));
    if (value.isPresent() && value.get().isBlank()) {
      error(key, "must not be empty", "");
      return Optional.empty();
    }
    return value;
  }

  Optional<Boolean> bool(String key) {
    return node(key)
        .flatMap(
            n -> {
              if (n instanceof YamlScalar s && s.value().isBoolean()) {
                return Optional.of(s.value().booleanValue());
              }
              wrongType(n, key, "a boolean (true or false)");
              return Optional.empty();
            });
  }

  Optional<Integer> integer(String key) {
    return node(key)
        .flatMap(
            n -> {
              if (n instanceof YamlScalar s
                  && s.value().isIntegralNumber()
                  && s.value().bigIntegerValue().bitLength() < 32) {
                return Optional.of(s.value().intValue());
              }
              wrongType(n, key, "an integer");
              return Optional.empty();
            });
  }

  Optional<MapReader> object(String key) {
    return node(key).flatMap(n -> of(n, pathOf(key), prefixOf(key), fields, context));
  }

  List<YamlNode> list(String key) {
    var node = node(key);
    if (node.isEmpty()) {
      return List.of();
    }
    if (node.get() instanceof YamlList l) {
      for (int i = 0; i < l.items().size(); i++) {
        fields.put(prefixOf(key) + "[" + i + "]", l.items().get(i).location());
      }
      return l.items();
    }
    wrongType(node.get(), key, "a list");
    return List.of();
  }

  /** Reports a problem with a key's value (or with the mapping, when the key is absent). */
  void error(String key, String message, String hint) {
    context.diagnostics().error(locationOf(key), pathOf(key), message, hint);
  }

  private Optional<String> scalarText(YamlNode node, String key) {
    if (node instanceof YamlScalar s && !s.isNull()) {
      return Optional.of(s.text());
    }
    wrongType(node, key, "a string");
    return Optional.empty();
  }

  private void wrongType(YamlNode node, String key, String expected) {
    var got = node.kind();
    if (node instanceof YamlScalar s
        && s.value().isIntegralNumber()
        && s.value().bigIntegerValue().abs().compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
      got = "a number too large";
    }
    context
        .diagnostics()
        .error(node.location(), pathOf(key), "expected " + expected + ", got " + got);
  }
}
