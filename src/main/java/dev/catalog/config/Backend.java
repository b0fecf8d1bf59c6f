package dev.catalog.config;

import dev.catalog.state.backend.BackendFactory;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code backend:} block: where state is kept. The loader checks the type and that each setting
 * is known for it; the state layer interprets the settings.
 *
 * @param type {@code local}, {@code git} or {@code configmap}
 * @param settings the other keys, as strings after {@code ${ENV}} expansion
 * @param location where the block is, or the first file's start when it was not written
 */
public record Backend(String type, Map<String, String> settings, Location location) {
  /**
   * The settings each backend type accepts, in a stable order for hints. The backends own the
   * list ({@link BackendFactory#SETTINGS}); the loader checks the YAML against it.
   */
  public static final Map<String, List<String>> SETTINGS = sortedSettings();

  public Backend {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(location, "location");
    settings = Map.copyOf(settings);
  }

  /** The default: local state beside the configuration. */
  public static Backend local(Location location) {
    return new Backend("local", Map.of(), location);
  }

  /**
   * The directory relative settings (a local {@code path}, a {@code tokenFile}) are resolved
   * against: that of the file the block is in, or of the first file when it was not written.
   */
  public Path directory() {
    var parent = Path.of(location.file()).getParent();
    return parent == null ? Path.of("") : parent;
  }

  private static Map<String, List<String>> sortedSettings() {
    var sorted = new TreeMap<String, List<String>>();
    BackendFactory.SETTINGS.forEach(
        (type, keys) -> sorted.put(type, List.copyOf(new TreeSet<>(keys))));
    return Collections.unmodifiableMap(sorted);
  }

  /** A setting's value, or {@code null} when it was not given. */
  public String setting(String key) {
    return settings.get(key);
  }
}
