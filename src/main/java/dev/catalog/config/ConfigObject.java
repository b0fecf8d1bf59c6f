package dev.catalog.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.FrozenJson;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An immutable JSON object from the configuration ({@code parameters}, {@code context}, an
 * originating identity's {@code value}) that remembers where each member was written, so that
 * plan-time JSON Schema errors can cite {@code file:line:column} of the offending parameter.
 *
 * <p>Not a record: a caller's JSON tree is mutable, so it is frozen on the way in and copied on
 * the way out. Equality is the JSON
 * content only; locations do not make two parameter sets different.
 */
public final class ConfigObject {
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

  private final ObjectNode json;

  /**
   * The path is {@code parent.key}, joined only when asked for: a String per parameter set was 26
   * MB for 100,000 instances (issue 7). {@code key} is null when the path was given whole.
   */
  private final String parent;

  private final String key;
  private final Location location;
  private final Map<String, Location> locations;

  private ConfigObject(
      ObjectNode json,
      String parent,
      String key,
      Location location,
      Map<String, Location> locations) {
    // Frozen and compact: every instance and binding holds two of these (issue 7).
    this.json = FrozenJson.freeze(json);
    this.parent = Objects.requireNonNull(parent, "path");
    this.key = key;
    this.location = Objects.requireNonNull(location, "location");
    this.locations = LocationMap.copyOf(locations);
  }

  /**
   * A located object.
   *
   * @param json the content (copied)
   * @param path its field path, like {@code instances[0].parameters}
   * @param location where the object itself is (or its resource, when it was not written)
   * @param locations location of each member's value by JSON Pointer (RFC 6901), like {@code
   *     /storage_gb} or {@code /tags/0}
   */
  public static ConfigObject of(
      ObjectNode json, String path, Location location, Map<String, Location> locations) {
    return new ConfigObject(json, path, null, location, locations);
  }

  /** {@link #of} under {@code key} of the mapping at {@code parent} (a resource's path). */
  static ConfigObject of(
      ObjectNode json,
      String parent,
      String key,
      Location location,
      Map<String, Location> locations) {
    return new ConfigObject(json, parent, key, location, locations);
  }

  /** An empty object, for a key that was not written; it is located at its resource. */
  public static ConfigObject empty(String path, Location location) {
    return new ConfigObject(JsonNodeFactory.instance.objectNode(), path, null, location, Map.of());
  }

  /** {@link #empty(String, Location)} under {@code key} of the mapping at {@code parent}. */
  static ConfigObject empty(String parent, String key, Location location) {
    return new ConfigObject(JsonNodeFactory.instance.objectNode(), parent, key, location, Map.of());
  }

  /** A copy of the content; changing it changes nothing here. */
  public ObjectNode toJson() {
    return json.deepCopy();
  }

  /**
   * The content itself, immutable ({@link FrozenJson}): no copy, for readers; changing it throws.
   */
  public ObjectNode frozen() {
    return json;
  }

  /** Whether the object has no members. */
  public boolean isEmpty() {
    return json.isEmpty();
  }

  /** Where the object itself is. */
  public Location location() {
    return location;
  }

  /** The object's field path, like {@code instances[0].parameters}. */
  public String path() {
    if (key == null) {
      return parent;
    }
    return parent.isEmpty() ? key : parent + "." + key;
  }

  /**
   * Where the value at a JSON Pointer was written; for a pointer to something that was not written
   * (a missing required property), the nearest enclosing value that was.
   */
  public Location locationOf(String jsonPointer) {
    for (var p = jsonPointer; !p.isEmpty(); p = p.substring(0, p.lastIndexOf('/'))) {
      var found = locations.get(p);
      if (found != null) {
        return found;
      }
    }
    return location;
  }

  /**
   * The field path of a JSON Pointer as the user reads it: {@code /tags/0} under {@code
   * instances[0].parameters} is {@code instances[0].parameters.tags[0]}.
   */
  public String pathOf(String jsonPointer) {
    var path = path();
    var sb = new StringBuilder(path);
    JsonNode node = json;
    if (jsonPointer.isEmpty()) {
      return path;
    }
    for (var raw : jsonPointer.substring(1).split("/", -1)) {
      var token = raw.replace("~1", "/").replace("~0", "~");
      if (node != null && node.isArray()) {
        sb.append('[').append(token).append(']');
        node = node.path(parseIndex(token));
      } else {
        sb.append(PLAIN_KEY.matcher(token).matches() ? "." + token : "[\"" + token + "\"]");
        node = node == null ? null : node.get(token);
      }
    }
    return sb.toString();
  }

  private static int parseIndex(String token) {
    try {
      return Integer.parseInt(token);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfigObject other && json.equals(other.json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  /** The JSON content. Parameters written in the YAML are not secret (those are parametersFrom). */
  @Override
  public String toString() {
    return json.toString();
  }
}
