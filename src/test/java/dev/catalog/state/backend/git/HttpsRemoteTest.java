package dev.catalog.state.backend.git;

import static dev.catalog.state.backend.git.GitRemoteFixture.catalog;
import static dev.catalog.testgit.HttpsGitServer.READ_TOKEN;
import static dev.catalog.testgit.HttpsGitServer.WRITE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.cli.CliRun;
import dev.catalog.testgit.HttpsGitServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the HTTPS remote tests share: Git's own smart-HTTP server (git-http-backend behind nginx)
 * over HTTPS with a private CA and basic auth, a new repository per test, and catalog runs whose
 * output is checked for the tokens.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
abstract class HttpsRemoteTest {
  static HttpsGitServer server;
  @TempDir static Path serverDir;
  @TempDir Path dir;
  String url;
  Path repo;
  final Map<String, String> env = new HashMap<>();

  @BeforeAll
  static void startServer() {
    server = HttpsGitServer.start(serverDir, System.getenv());
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void newRepository() {
    var name = "state-" + dir.getFileName() + ".git";
    url = server.createRepository(name);
    repo = server.repository(name);
    env.put("GIT_TOKEN", WRITE_TOKEN);
    env.put("READ_TOKEN", READ_TOKEN);
    env.put("HOME", dir.resolve("home").toString());
  }

  Path config(String backend) {
    return GitRemoteFixture.config(
        dir.resolve("config"), backend + "\ncacheDir: " + dir.resolve("cache"));
  }

  /** The usual block: the write token from the environment and the test CA in caFile. */
  Path writer() {
    return config("url: " + url + "\ntoken: { fromEnv: GIT_TOKEN }\ncaFile: " + server.caFile());
  }

  CliRun run(Path config, String... args) {
    var run = catalog(env, config, args);
    for (var output : List.of(run.out(), run.err())) {
      assertThat(output).doesNotContain(WRITE_TOKEN).doesNotContain(READ_TOKEN);
    }
    return run;
  }

  String identity() {
    return "git:" + url + "#main:catalog.state.json";
  }

  void hook(String name, String body) throws IOException {
    var hook = repo.resolve("hooks").resolve(name);
    Files.writeString(hook, "#!/bin/sh\n" + body);
    assertThat(hook.toFile().setExecutable(true)).isTrue();
  }
}
