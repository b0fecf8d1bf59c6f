package dev.catalog.state.backend.git;

import dev.catalog.CatalogException;
import dev.catalog.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the Git backend keeps state.
 *
 * @param url the remote: a path, {@code file://}, {@code https://} or {@code ssh://} / scp-style
 * @param branch the branch holding the state
 * @param path the state file's path in the repository
 * @param authorName commit author name
 * @param authorEmail commit author e-mail
 * @param token HTTPS token, sent as the password of user {@code x-access-token}
 * @param sshKeyFile private key for SSH remotes
 * @param cacheDir the local bare repository the branch is fetched into
 */
public record GitSettings(
    String url,
    String branch,
    String path,
    String authorName,
    String authorEmail,
    Optional<Secret> token,
    Optional<Path> sshKeyFile,
    Path cacheDir) {
  private static final Pattern AUTHOR = Pattern.compile("\\s*(.+?)\\s*<([^>]+)>\\s*");

  public GitSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(sshKeyFile, "sshKeyFile");
    Objects.requireNonNull(cacheDir, "cacheDir");
  }

  /** Reads the {@code backend:} settings of type {@code git}. */
  public static GitSettings from(Map<String, String> settings, Path baseDir, Map<String, String> env) {
    var given = settings.get("url");
    if (given == null || given.isBlank()) {
      throw new CatalogException(
          "the git state backend needs 'url': a repository path, https:// or ssh:// URL");
    }
    var url =
        given.contains("://") || given.matches("[^/]+@[^/:]+:.*")
            ? given
            : baseDir.resolve(given).toAbsolutePath().normalize().toString();
    var author = settings.getOrDefault("author", "catalog <catalog@localhost>");
    var m = AUTHOR.matcher(author);
    if (!m.matches()) {
      throw new CatalogException(
          "invalid git backend author '" + author + "': expected 'Name <email>'");
    }
    var path = settings.getOrDefault("path", "catalog.state.json").replaceFirst("^/+", "");
    return new GitSettings(
        url,
        settings.getOrDefault("branch", "main"),
        path,
        m.group(1),
        m.group(2),
        token(settings, baseDir, env),
        Optional.ofNullable(settings.get("sshKeyFile")).map(baseDir::resolve),
        Optional.ofNullable(settings.get("cacheDir"))
            .map(baseDir::resolve)
            .orElseGet(() -> defaultCache(url, env)));
  }

  private static Optional<Secret> token(
      Map<String, String> settings, Path baseDir, Map<String, String> env) {
    var tokenEnv = settings.get("tokenEnv");
    if (tokenEnv != null) {
      var value = env.get(tokenEnv);
      if (value == null || value.isBlank()) {
        throw new CatalogException(
            "the git state backend reads its token from environment variable " + tokenEnv
                + " (tokenEnv), which is not set");
      }
      return Optional.of(Secret.of(value.trim()));
    }
    var tokenFile = settings.get("tokenFile");
    if (tokenFile != null) {
      var file = baseDir.resolve(tokenFile);
      try {
        return Optional.of(Secret.of(Files.readString(file, StandardCharsets.UTF_8).trim()));
      } catch (IOException e) {
        throw new CatalogException(
            "cannot read the git backend token file " + file + " (tokenFile): " + e.getMessage());
      }
    }
    return Optional.empty();
  }

  private static Path defaultCache(String url, Map<String, String> env) {
    var xdg = env.get("XDG_CACHE_HOME");
    var root =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    try {
      var digest = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
      return root.resolve("catalog/git").resolve(HexFormat.of().formatHex(digest, 0, 12));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The URL without any user-info, for messages. */
  public String displayUrl() {
    return url.replaceFirst("://[^/@]*@", "://");
  }

  /** The lock ref: {@code refs/catalog/locks/BRANCH/PATH}, with unsafe characters replaced. */
  public String lockRef() {
    var name = (branch + "/" + path).replaceAll("[^A-Za-z0-9._/-]", "_").replace("..", "_");
    name = name.replaceAll("(^|/)\\.", "$1_").replaceAll("\\.lock(/|$)", "_lock$1");
    return "refs/catalog/locks/" + name;
  }
}
