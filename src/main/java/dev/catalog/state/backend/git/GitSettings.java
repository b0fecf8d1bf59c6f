package dev.catalog.state.backend.git;

import dev.catalog.CatalogException;
import dev.catalog.RemoteLimits;
import dev.catalog.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
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
 * @param token HTTPS token, sent as the password of the URL's user ({@code x-access-token} when the
 *     URL names none)
 * @param sshKeyFile private key for SSH remotes (else the default keys in {@code $HOME/.ssh})
 * @param ca the CA certificates an HTTPS remote must chain to (else the JVM's trust store)
 * @param home the user's home directory: {@code $HOME}, for {@code ~/.ssh} and {@code ~/.gitconfig}
 * @param cacheDir the local bare repository the branch is fetched into
 * @param warnings deprecations found in the settings, for stderr
 * @param limits how long to wait to connect and for each fetch or push ({@code connectTimeout},
 *     {@code requestTimeout})
 */
public record GitSettings(
    String url,
    String branch,
    String path,
    String authorName,
    String authorEmail,
    Optional<Secret> token,
    Optional<Path> sshKeyFile,
    Optional<GitCa> ca,
    Path home,
    Path cacheDir,
    List<String> warnings,
    RemoteLimits limits) {
  private static final Pattern AUTHOR = Pattern.compile("\\s*(.+?)\\s*<([^>]+)>\\s*");

  public GitSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(sshKeyFile, "sshKeyFile");
    Objects.requireNonNull(ca, "ca");
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(cacheDir, "cacheDir");
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(limits, "limits");
  }

  /** Reads the {@code backend:} settings of type {@code git}. */
  public static GitSettings from(
      Map<String, String> settings, Path baseDir, Map<String, String> env) {
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
    var home = home(env);
    var warnings = new ArrayList<String>();
    var token = GitToken.read(settings, baseDir, env, warnings);
    var caFile = Optional.ofNullable(settings.get("caFile")).map(baseDir::resolve);
    return new GitSettings(
        url,
        settings.getOrDefault("branch", "main"),
        path,
        m.group(1),
        m.group(2),
        token,
        Optional.ofNullable(settings.get("sshKeyFile")).map(f -> baseDir.resolve(tilde(f, home))),
        url.startsWith("https://") ? GitCa.find(url, caFile, baseDir, home, env) : Optional.empty(),
        home,
        Optional.ofNullable(settings.get("cacheDir"))
            .map(baseDir::resolve)
            .orElseGet(() -> defaultCache(url, env, home)),
        warnings,
        RemoteLimits.fromBackendSettings(settings));
  }

  /**
   * {@code $HOME}, as OpenSSH and Git use it; the JVM's {@code user.home} comes from the account
   * database, which containers and CI runners with another HOME do not match (issue 19).
   */
  private static Path home(Map<String, String> env) {
    var home = env.get("HOME");
    return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
  }

  private static String tilde(String path, Path home) {
    return path.startsWith("~/") ? home.resolve(path.substring(2)).toString() : path;
  }

  private static Path defaultCache(String url, Map<String, String> env, Path home) {
    var xdg = env.get("XDG_CACHE_HOME");
    var root = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache");
    try {
      var digest =
          MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
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
