package dev.catalog.config;

import java.util.ArrayList;
import java.util.HashMap;
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
    var kind = BackendKind.named(type);
    if (kind.isEmpty()) {
      b.error(
          "type",
          "unknown backend type \"" + type + "\"",
          Suggestions.hint(type, BackendKind.wireNames()));
      return Optional.empty();
    }
    var allowed = kind.get().settings();
    var keys = new ArrayList<String>();
    keys.add("type");
    keys.addAll(allowed);
    b.allowOnly(keys);
    var settings = new HashMap<String, String>();
    for (var key : allowed) {
      if (key.equals("token")) {
        SecretRefReader.read(b, key, false, false).ifPresent(ref -> settings.put(key, flat(ref)));
      } else if (key.endsWith("Timeout")) {
        // Checked here too, so a bad value is reported at its file:line:column.
        b.string(key)
            .filter(value -> ValueChecks.duration(b, key, value).isPresent())
            .ifPresent(value -> settings.put(key, value));
      } else {
        b.string(key).ifPresent(value -> settings.put(key, value));
      }
    }
    return Optional.of(new Backend(kind.get(), settings, b.location()));
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
