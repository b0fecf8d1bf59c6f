package dev.catalog.state.backend.git;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;

/**
 * The CA certificates an HTTPS remote's certificate must chain to, and where that choice came from
 * (for messages). Looked up as Git does, most specific first: the backend's {@code caFile}, then
 * {@code GIT_SSL_CAINFO}, then {@code http.<url>.sslCAInfo} / {@code http.sslCAInfo} in the user's
 * Git configuration under {@code $HOME} (or {@code $XDG_CONFIG_HOME/git/config}). Like Git, a CA
 * file replaces the default trust store rather than adding to it.
 *
 * @param file the PEM file holding one or more CA certificates
 * @param source where it was configured, e.g. {@code caFile} or {@code GIT_SSL_CAINFO}
 */
record GitCa(Path file, String source) {

  /** The CA for {@code url}, if one is configured anywhere. */
  static Optional<GitCa> find(
      String url, Optional<Path> caFile, Path baseDir, Path home, Map<String, String> env) {
    if (caFile.isPresent()) {
      return Optional.of(new GitCa(caFile.get(), "caFile"));
    }
    var fromEnv = env.get("GIT_SSL_CAINFO");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Optional.of(new GitCa(baseDir.resolve(expand(fromEnv, home)), "GIT_SSL_CAINFO"));
    }
    var xdg = env.get("XDG_CONFIG_HOME");
    var xdgConfig =
        (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config"))
            .resolve("git/config");
    // ~/.gitconfig wins over the XDG file, as in Git.
    for (var file : new Path[] {home.resolve(".gitconfig"), xdgConfig}) {
      var found = fromGitConfig(url, file, home);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<GitCa> fromGitConfig(String url, Path file, Path home) {
    if (!file.toFile().isFile()) {
      return Optional.empty();
    }
    var config = new FileBasedConfig(file.toFile(), FS.DETECTED);
    try {
      config.load();
    } catch (java.io.IOException | ConfigInvalidException e) {
      return Optional.empty();
    }
    // http.<url>.sslCAInfo for the longest URL prefix of the remote, else http.sslCAInfo.
    String best = null;
    for (var subsection : config.getSubsections("http")) {
      var value = config.getString("http", subsection, "sslCAInfo");
      if (value != null
          && url.startsWith(subsection)
          && (best == null || subsection.length() > best.length())) {
        best = subsection;
      }
    }
    var value = config.getString("http", best, "sslCAInfo");
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    var key = best == null ? "http.sslCAInfo" : "http." + best + ".sslCAInfo";
    return Optional.of(new GitCa(Path.of(expand(value, home)), key + " in " + file));
  }

  private static String expand(String path, Path home) {
    return path.startsWith("~/") ? home.resolve(path.substring(2)).toString() : path;
  }

  /** {@code caFile /path} or {@code GIT_SSL_CAINFO /path}, for messages. */
  String describe() {
    return source + " " + file;
  }
}
