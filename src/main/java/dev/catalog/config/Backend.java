package dev.catalog.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code backend:} block: where state is kept. The loader checks the kind and that each setting
 * is known for it ({@link BackendKind#settings()}); the backend interprets the settings.
 *
 * @param kind {@code local}, {@code git} or {@code configmap}
 * @param settings the other keys, as strings after {@code ${ENV}} expansion
 * @param location where the block is, or the first file's start when it was not written
 */
public record Backend(BackendKind kind, Map<String, String> settings, Location location) {
  public Backend {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
    settings = Map.copyOf(settings);
  }

  /** The default: local state beside the configuration. */
  public static Backend local(Location location) {
    return new Backend(BackendKind.LOCAL, Map.of(), location);
  }

  /** The kind's name as written: {@code local}, {@code git} or {@code configmap}. */
  public String type() {
    return kind.wireName();
  }

  /**
   * The directory relative settings (a local {@code path}, a {@code tokenFile}) are resolved
   * against: that of the file the block is in, or of the first file when it was not written.
   */
  public Path directory() {
    var parent = Path.of(location.file()).getParent();
    return parent == null ? Path.of("") : parent;
  }

  /** A setting's value, or {@code null} when it was not given. */
  public String setting(String key) {
    return settings.get(key);
  }
}
