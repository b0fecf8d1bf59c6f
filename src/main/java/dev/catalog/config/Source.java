package dev.catalog.config;

import java.util.Map;
import java.util.Objects;

/**
 * Where a resource was declared, and where each of its fields was, so that later layers (the
 * planner) can cite {@code file:line:column} for any field long after loading.
 *
 * @param path the resource's path as the user reads it, like {@code instances[1]} (the index is the
 *     position in its own file)
 * @param location where the resource's mapping starts
 * @param fields location of each field's value, keyed by the path relative to the resource, like
 *     {@code plan}, {@code auth.basic.password} or {@code parametersFrom[0]}
 */
public record Source(String path, Location location, Map<String, Location> fields) {
  public Source {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(location, "location");
    fields = LocationMap.copyOf(fields);
  }

  /** A source without field locations (resources built in code, tests). */
  public static Source of(String path, Location location) {
    return new Source(path, location, Map.of());
  }

  /**
   * Where a field is: its own location if it was written, else that of the nearest enclosing field
   * that was (a default value has no place of its own), else the resource's.
   */
  public Location locationOf(String field) {
    for (var f = field; !f.isEmpty(); f = parentOf(f)) {
      var location = fields.get(f);
      if (location != null) {
        return location;
      }
    }
    return location;
  }

  /** The full path of a field, like {@code instances[1].plan}. */
  public String pathOf(String field) {
    if (field.isEmpty()) {
      return path;
    }
    return field.startsWith("[") ? path + field : path + "." + field;
  }

  private static String parentOf(String field) {
    int cut = Math.max(field.lastIndexOf('.'), field.lastIndexOf('['));
    return cut < 0 ? "" : field.substring(0, cut);
  }
}
