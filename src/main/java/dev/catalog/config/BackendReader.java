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
      if (key.equals("token")) {
        SecretRefReader.read(b, key, false, false).ifPresent(ref -> settings.put(key, flat(ref)));
      } else {
        b.string(key).ifPresent(value -> settings.put(key, value));
      }
    }
    return Optional.of(new Backend(type, settings, b.location()));
  }

  /**
   * A secret reference as a backend setting string, which the backend resolves when it opens:
   * settings stay strings, so {@code --backend-config token=fromEnv:NAME} means the same.
   */
  private static String flat(SecretRef ref) {
    if (ref instanceof SecretRef.FromEnv env) {
      return "fromEnv:" + env.name();
    } else if (ref instanceof SecretRef.FromFile file) {
      return "fromFile:" + file.path();
    } else if (ref instanceof SecretRef.FromSecret secret) {
      return "fromSecret:" + secret.namespace() + "/" + secret.name() + "/" + secret.key();
    }
    throw new IllegalStateException("inline secret " + ref.field());
  }
}
