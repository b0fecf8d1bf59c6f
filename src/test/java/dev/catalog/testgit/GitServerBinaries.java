package dev.catalog.testgit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.opentest4j.TestAbortedException;

/**
 * The programs the Git server tests start. Missing ones skip the test with the packages to install,
 * or fail it under {@code CI=true}, where a skipped test would hide a broken install step.
 */
public final class GitServerBinaries {
  static final Path NGINX = Path.of("/usr/sbin/nginx");
  static final Path FCGIWRAP = Path.of("/usr/sbin/fcgiwrap");
  static final Path HTTP_BACKEND = Path.of("/usr/lib/git-core/git-http-backend");
  static final Path SSHD = Path.of("/usr/sbin/sshd");
  static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");
  static final Path OPENSSL = Path.of("/usr/bin/openssl");

  private GitServerBinaries() {}

  /** Checks for nginx, fcgiwrap, git-http-backend and openssl. */
  public static void requireHttps(Map<String, String> env) {
    require(
        List.of(NGINX, FCGIWRAP, HTTP_BACKEND, OPENSSL), "git nginx-light fcgiwrap openssl", env);
  }

  /** Checks for sshd and ssh-keygen. */
  public static void requireSsh(Map<String, String> env) {
    require(List.of(SSHD, SSH_KEYGEN), "git openssh-server openssh-client", env);
  }

  static void require(List<Path> programs, String packages, Map<String, String> env) {
    var missing = programs.stream().filter(p -> !Files.isExecutable(p)).toList();
    if (missing.isEmpty()) {
      return;
    }
    var message =
        "No "
            + String.join(", ", missing.stream().map(Path::toString).toList())
            + ": install them with apt-get install "
            + packages
            + " (.ci/run does).";
    if ("true".equalsIgnoreCase(env.get("CI"))) {
      throw new ExtensionConfigurationException(
          "CI=true and the Git server tests cannot run: " + message);
    }
    System.out.println("Skipped: " + message);
    throw new TestAbortedException(message);
  }
}
