package dev.catalog.cli;

import dev.catalog.CatalogException;
import dev.catalog.Redactor;
import dev.catalog.config.BackendKind;
import dev.catalog.state.backend.StateBackend;
import dev.catalog.state.backend.configmap.ConfigMapBackend;
import dev.catalog.state.backend.git.GitBackend;
import dev.catalog.state.backend.git.GitSettings;
import dev.catalog.state.backend.local.LocalBackend;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;

/**
 * Opens the state backend of a kind from its settings (the YAML {@code backend:} block plus flags).
 * It lives in the composition root, so the backends and the packages above them need not know one
 * another (docs/architecture.md).
 */
public final class BackendFactory {
  /** The default local state file name. */
  public static final String DEFAULT_STATE_FILE = "catalog.state.json";

  private BackendFactory() {}

  /**
   * Opens a backend.
   *
   * @param baseDir the directory of the configuration; relative paths resolve against it
   * @param env environment variables, for {@code tokenEnv} and the cache directory
   * @throws CatalogException for an unknown setting or a missing one
   */
  public static StateBackend open(
      BackendKind kind, Map<String, String> settings, Path baseDir, Map<String, String> env) {
    return open(kind, settings, baseDir, env, new Redactor());
  }

  /**
   * Opens a backend whose secrets (a Git token) the run's redactor learns, so a server message that
   * quotes them is scrubbed.
   */
  public static StateBackend open(
      BackendKind kind,
      Map<String, String> settings,
      Path baseDir,
      Map<String, String> env,
      Redactor redactor) {
    checkSettings(kind, settings);
    return switch (kind) {
      case LOCAL -> new LocalBackend(localFile(settings, baseDir));
      case GIT -> {
        JGitConfigFiles.install();
        var git = GitSettings.from(settings, baseDir, env);
        git.token().ifPresent(redactor::add);
        yield new GitBackend(git);
      }
      case CONFIGMAP -> ConfigMapBackend.fromSettings(settings, baseDir);
    };
  }

  /** Opens a backend; environment variables ({@code tokenEnv}) come from the process. */
  public static StateBackend open(BackendKind kind, Map<String, String> settings, Path baseDir) {
    return open(kind, settings, baseDir, System.getenv());
  }

  /**
   * Where backups of the state go: beside the local state file, else the configuration's
   * directory.
   */
  static Path backupDir(BackendKind kind, Map<String, String> settings, Path baseDir) {
    return kind == BackendKind.LOCAL
        ? localFile(settings, baseDir).toAbsolutePath().normalize().getParent()
        : baseDir;
  }

  private static Path localFile(Map<String, String> settings, Path baseDir) {
    return baseDir.resolve(settings.getOrDefault("path", DEFAULT_STATE_FILE));
  }

  private static void checkSettings(BackendKind kind, Map<String, String> settings) {
    var unknown = new TreeSet<>(settings.keySet());
    kind.settings().forEach(unknown::remove);
    if (!unknown.isEmpty()) {
      throw new CatalogException(
          "unknown setting(s) "
              + unknown
              + " for the "
              + kind.wireName()
              + " state backend: it accepts "
              + kind.settings());
    }
  }
}
