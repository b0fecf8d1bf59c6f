package dev.catalog.cli;

import dev.catalog.Durations;
import dev.catalog.config.BackendKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * Where state lives and how to lock it (a mixin): flags override the YAML {@code backend:} block.
 */
public final class BackendOptions {
  @Option(
      names = "--backend",
      paramLabel = "TYPE",
      description = "State backend: local (default), git or configmap; overrides the YAML.")
  String type;

  @Option(
      names = "--backend-config",
      paramLabel = "KEY=VALUE",
      description = "A backend setting (repeatable), overriding the YAML backend block.")
  Map<String, String> config = new LinkedHashMap<>();

  @Option(
      names = "--state",
      paramLabel = "PATH",
      description = "Local state file: short for --backend local --backend-config path=PATH.")
  Path state;

  @Option(
      names = "--lock-timeout",
      paramLabel = "DURATION",
      defaultValue = "0s",
      converter = DurationConverter.class,
      description =
          "How long to retry a held state lock, e.g. 30s or 5m (default: ${DEFAULT-VALUE}).")
  Duration lockTimeout;

  @Option(
      names = "--lock",
      arity = "1",
      paramLabel = "BOOL",
      defaultValue = "true",
      description = "Take the state lock (default: ${DEFAULT-VALUE}); --lock=false skips it.")
  boolean lock;

  /** The chosen backend kind and settings. */
  public record Choice(BackendKind kind, Map<String, String> settings) {
    public Choice {
      settings = Map.copyOf(settings);
    }
  }

  /**
   * Chooses the backend: {@code --state} means local at that path; otherwise {@code --backend}, or
   * the YAML type, or local. YAML settings apply when the YAML names the chosen type, and {@code
   * --backend-config} values override them.
   *
   * @param yamlKind the YAML {@code backend.type}, or null when there is no YAML
   * @param yamlSettings the YAML settings (empty when none)
   */
  public Choice choose(BackendKind yamlKind, Map<String, String> yamlSettings) {
    if (state != null) {
      var settings = new LinkedHashMap<>(config);
      settings.put("path", state.toString());
      return new Choice(BackendKind.LOCAL, settings);
    }
    var chosen =
        type != null ? BackendKind.parse(type) : yamlKind != null ? yamlKind : BackendKind.LOCAL;
    var settings = new LinkedHashMap<String, String>();
    if (chosen == yamlKind) {
      settings.putAll(yamlSettings);
    }
    settings.putAll(config);
    return new Choice(chosen, settings);
  }

  /** Chooses without a YAML configuration. */
  public Choice choose() {
    return choose(null, Map.of());
  }

  /** How long to retry a held lock. */
  public Duration lockTimeout() {
    return lockTimeout;
  }

  /** Whether to take the lock at all. */
  public boolean lock() {
    return lock;
  }

  /** Parses {@code 30s}, {@code 5m}, {@code PT1M}. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return Durations.parse(value);
    }
  }
}
