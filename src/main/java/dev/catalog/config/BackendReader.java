package dev.catalog.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/** Binds the {@code backend:} block, checking each setting against the backend type's table. */
final class BackendReader {
  private BackendReader() {}

  static Optional<Backend> read(MapReader root) {
    var found = root.object("backend");
    if (found.isEmpty()) {
      return Optional.empty();
    }
    var b = found.get();
    var type = b.string("type").orElse("local");
    var allowed = Backend.SETTINGS.get(type);
    if (allowed == null) {
      b.error(
          "type",
          "unknown backend type \"" + type + "\"",
          Suggestions.hint(type, List.copyOf(Backend.SETTINGS.keySet())));
      return Optional.empty();
    }
    var keys = new ArrayList<String>();
    keys.add("type");
    keys.addAll(allowed);
    b.allowOnly(keys);
    var settings = new HashMap<String, String>();
    for (var key : allowed) {
      b.string(key).ifPresent(value -> settings.put(key, value));
    }
    return Optional.of(new Backend(type, settings, b.location()));
  }
}
