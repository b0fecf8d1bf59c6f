package dev.catalog.state.backend.git;

import static dev.catalog.state.backend.git.GitRemoteFixture.catalog;
import static dev.catalog.state.backend.git.GitRemoteFixture.config;
import static dev.catalog.state.backend.git.GitRemoteFixture.git;
import static dev.catalog.state.backend.git.GitRemoteFixture.stateFile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.testgit.SshGitServer;
import dev.catalog.testgit.SshKeyType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentest4j.TestAbortedException;

/**
 * The git backend against OpenSSH's sshd on loopback, with client and host keys of each type
 * ssh-keygen makes, found through {@code $HOME/.ssh} (not the account's home) (issue 19 item 7).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class GitSshRemoteIT {
  @TempDir Path dir;
  private Path home;

  private Map<String, String> env() {
    return Map.of("HOME", home.toString());
  }

  /** A client key of {@code type} under $HOME/.ssh with OpenSSH's default name, and a server. */
  private SshGitServer server(SshKeyType type, Path key) {
    SshGitServer.keygen(key, type);
    return SshGitServer.start(dir.resolve("server"), type, Path.of(key + ".pub"), System.getenv());
  }

  private static String displayUrl(String url) {
    return url.replace(System.getProperty("user.name") + "@", "");
  }

  private Path config(String url, String more) {
    return GitRemoteFixture.config(
        dir.resolve("config"), "url: " + url + "\ncacheDir: " + dir.resolve("cache") + more);
  }

  @ParameterizedTest
  @EnumSource(SshKeyType.class)
  void anSshKeyAndAHostKeyOfEachTypeWorkFromTheHomeVariablesSshDirectory(SshKeyType type)
      throws IOException {
    home = dir.resolve("home");
    try (var server = server(type, home.resolve(".ssh").resolve(type.defaultFileName()))) {
      Files.writeString(home.resolve(".ssh/known_hosts"), server.knownHostsLine());
      var url = server.createRepository("state.git");
      var config = config(url, "");
      var state = stateFile(dir, "orders-db");

      var pushed = catalog(env(), config, "state", "push", state.toString());
      assertThat(pushed.err()).as(server.log()).isEmpty();
      assertThat(pushed.out())
          .isEqualTo(
              "Pushed "
                  + state
                  + " to git:"
                  + displayUrl(url)
                  + "#main:catalog.state.json (serial 1).\n");
      assertThat(git(server.repository("state.git"), "log", "--format=%s", "main"))
          .isEqualTo("catalog: push state (serial 1)\n");
      var listed = catalog(env(), config, "state", "list");
      assertThat(listed.exitCode()).as(listed.err()).isZero();
      assertThat(listed.out()).isEqualTo("instance.orders-db\n");
    }
  }

  @Test
  void theKeyNamedBySshKeyFileIsUsedWithATildeForHome() throws IOException {
    home = dir.resolve("home");
    try (var server = server(SshKeyType.ED25519, home.resolve("keys/deploy"))) {
      Files.createDirectories(home.resolve(".ssh"));
      Files.writeString(home.resolve(".ssh/known_hosts"), server.knownHostsLine());
      var url = server.createRepository("state.git");
      var config = config(url, "\nsshKeyFile: ~/keys/deploy");
      var listed = catalog(env(), config, "state", "list");
      assertThat(listed.exitCode()).as(listed.err()).isZero();
      assertThat(listed.out()).isEmpty();
      assertThat(listed.err())
          .isEqualTo("No state at git:" + displayUrl(url) + "#main:catalog.state.json yet.\n");
    }
  }

  @Test
  void anUnknownHostKeyNamesTheKnownHostsFileUnderHomeAndHowToAddIt() {
    home = dir.resolve("home");
    try (var server = server(SshKeyType.ED25519, home.resolve(".ssh/id_ed25519"))) {
      var url = server.createRepository("state.git");
      var listed = catalog(env(), config(url, ""), "state", "list");
      assertThat(listed.exitCode()).isEqualTo(1);
      var port = url.replaceFirst(".*:(\\d+)/.*", "$1");
      var knownHosts = home.resolve(".ssh/known_hosts");
      assertThat(listed.err())
          .isEqualTo(
              "Error: cannot fetch refs/heads/main from "
                  + displayUrl(url)
                  + ": the server's host key is not in "
                  + knownHosts
                  + " (or differs from the one there; $HOME is "
                  + home
                  + "): check the key's fingerprint with the server's owner, then add it, e.g."
                  + " with ssh-keyscan -p "
                  + port
                  + " 127.0.0.1 >> "
                  + knownHosts
                  + "\n");
    }
  }

  @Test
  void aKeyTheServerDoesNotAcceptIsReported() throws IOException {
    home = dir.resolve("home");
    try (var server = server(SshKeyType.ECDSA, dir.resolve("authorized/id_ecdsa"))) {
      SshGitServer.keygen(home.resolve(".ssh/id_ed25519"), SshKeyType.ED25519);
      Files.writeString(home.resolve(".ssh/known_hosts"), server.knownHostsLine());
      var url = server.createRepository("state.git");
      var listed = catalog(env(), config(url, ""), "state", "list");
      assertThat(listed.exitCode()).isEqualTo(1);
      assertThat(listed.err())
          .isEqualTo(
              "Error: cannot fetch refs/heads/main from "
                  + displayUrl(url)
                  + ": cannot log in at 127.0.0.1:"
                  + url.replaceFirst(".*:(\\d+)/.*", "$1")
                  + ": the server refused ssh-ed25519 key ~/.ssh/id_ed25519 (~ is $HOME, "
                  + home
                  + "); add the public key to the server's authorized keys, or name another"
                  + " private key with sshKeyFile\n");
    }
  }

  /**
   * The test classpath has BouncyCastle through kube-api-test, which hid that the shipped jar could
   * not use ed25519 keys at all ("EdDSA provider not supported"): run the jar itself.
   */
  @Test
  void theShippedJarUsesAnEd25519KeyAndHostKey() throws Exception {
    var jar = Path.of("target/catalog.jar").toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI=true and no " + jar + ": run the ITs with mvn verify");
      }
      System.out.println("Skipped: no " + jar + " (run the ITs with mvn verify)");
      throw new TestAbortedException("no " + jar);
    }
    home = dir.resolve("home");
    try (var server = server(SshKeyType.ED25519, home.resolve(".ssh/id_ed25519"))) {
      Files.writeString(home.resolve(".ssh/known_hosts"), server.knownHostsLine());
      var config = config(server.createRepository("state.git"), "");
      var command =
          List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-jar",
              jar.toString(),
              "state",
              "push",
              stateFile(dir, "orders-db").toString(),
              "-f",
              config.toString());
      var builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put("HOME", home.toString());
      var process = builder.start();
      var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor()).as(output).isZero();
      assertThat(output).startsWith("Pushed ").endsWith("#main:catalog.state.json (serial 1).\n");
    }
  }
}
