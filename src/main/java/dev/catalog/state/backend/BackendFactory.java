package dev.catalog.state.backend;

import dev.catalog.CatalogException;
import dev.catalog.Redactor;
import dev.catalog.state.backend.git.GitBackend;
import dev.catalog.state.backend.git.GitSettings;
import dev.catalog.state.backend.local.LocalBackend;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Opens a backend from its type and settings: the YAML {@code backend:} block plus flags. */
public final class BackendFactory {
  /** The default backend type. */
  public static final String DEFAULT_TYPE = "local";

  /** The default local state file name. */
  public static final String DEFAULT_STATE_FILE = "catalog.state.json";

  /** The settings each backend type accepts; the config validator checks against these. */
  public static final Map<String, Set<String>> SETTINGS =
      Map.of(
          "local", Set.of("path"),
          "git",
              Set.of(
                  "url",
                  "branch",
                  "path",
                  "author",
                  "token",
                  "tokenEnv",
                  "tokenFile",
                  "sshKeyFile",
                  "caFile",
                  "cacheDir"),
          "configmap",
              Set.of("namespace", "name", "kubeconfig", "context", "leaseDurationSeconds"));

  private BackendFactory() {}

  /** Opens a backend; environment variables ({@code tokenEnv}) come from the process. */
  public static StateBackend open(String type, Map<String, String> settings, Path baseDir) {
    return open(type, settings, baseDir, System.getenv());
  }

  /**
   * Opens a backend.
   *
   * @param baseDir the directory of the configuration; relative paths resolve against it
   * @param env environment variables, for {@code tokenEnv} and the cache directory
   * @throws CatalogException for an unknown type, an unknown setting or a missing one
   */
  public static StateBackend open(
      String type, Map<String, String> settings, Path baseDir, Map<String, String> env) {
    return open(type, settings, baseDir, env, new Redactor());
  }

  /**
   * Opens a backend whose secrets (a Git token) the run's redactor learns, so a server message that
   * quotes them is scrubbed.
   */
  public static StateBackend open(
      String type,
      Map<String, String> settings,
      Path baseDir,
      Map<String, String> env,
      Redactor redactor) {
    var allowed = SETTINGS.get(type);
    if (allowed == null) {
      throw new CatalogException(
          "unknown state backend type '"
              + type
              + "': use one of "
              + new TreeSet<>(SETTINGS.keySet()));
    }
    var unknown = new TreeSet<>(settings.keySet());
    unknown.removeAll(allowed);
    if (!unknown.isEmpty()) {
      throw new CatalogException(
          "unknown setting(s) "
              + unknown
              + " for the "
              + type
              + " state backend: it accepts "
              + new TreeSet<>(allowed));
    }
    return switch (type) {
      case "local" ->
          new LocalBackend(baseDir.resolve(settings.getOrDefault("path", DEFAULT_STATE_FILE)));
      case "git" -> {
        var git = GitSettings.from(settings, baseDir, env);
        git.token().ifPresent(redactor::add);
        yield new GitBackend(git);
      }
      case "configmap" -> ConfigMapBackend.fromSettings(settings, baseDir);
      default -> throw new IllegalStateException("no backend for type " + type);
    };
  }
}
