package dev.catalog.state.backend.git;

import static dev.catalog.state.backend.git.GitRemoteFixture.catalog;
import static dev.catalog.state.backend.git.GitRemoteFixture.config;
import static dev.catalog.state.backend.git.GitRemoteFixture.stateFile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.testgit.HttpsGitServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The git backend against Git's smart-HTTP server over HTTPS with basic auth (issue 19 item 7). */
class GitHttpsRemoteIT {
  private static HttpsGitServer server;
  @TempDir static Path serverDir;
  @TempDir Path dir;

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

  private static void show(String what, dev.catalog.cli.CliRun run) {
    System.out.println("== " + what + " EXIT " + run.exitCode() + "\nOUT " + run.out() + "ERR " + run.err());
  }

  @Test
  void probe() throws Exception {
    var url = server.createRepository("probe.git");
    var cache = "\ncacheDir: " + dir.resolve("cache");
    var env = Map.of("GIT_TOKEN", HttpsGitServer.WRITE_TOKEN, "HOME", dir.toString(), "RO", HttpsGitServer.READ_TOKEN);
    var state = stateFile(dir, "orders-db").toString();
    show("no ca", catalog(env, config(dir.resolve("a"), "url: " + url + "\ntoken: { fromEnv: GIT_TOKEN }" + cache), "state", "push", state));
    var good = config(dir.resolve("b"), "url: " + url + "\ntoken: { fromEnv: GIT_TOKEN }\ncaFile: " + server.caFile() + cache);
    show("ca", catalog(env, good, "state", "push", state));
    show("list", catalog(env, good, "state", "list"));
    show("plan", catalog(env, good, "plan"));
    var ro = config(dir.resolve("c"), "url: " + url.replace("://", "://reader@") + "\ntoken: { fromEnv: RO }\ncaFile: " + server.caFile() + cache);
    show("ro plan", catalog(env, ro, "plan"));
    show("ro push", catalog(env, ro, "state", "push", "--force", state));
    var wrong = config(dir.resolve("d"), "url: " + url + "\ntoken: { fromEnv: RO }\ncaFile: " + server.caFile() + cache);
    show("wrong token", catalog(env, wrong, "state", "list"));
    var old = config(dir.resolve("e"), "url: " + url + "\ntokenEnv: GIT_TOKEN\ncaFile: " + server.caFile() + cache);
    show("tokenEnv", catalog(env, old, "state", "list"));
    var envCa = new java.util.HashMap<>(env);
    envCa.put("GIT_SSL_CAINFO", server.caFile().toString());
    show("GIT_SSL_CAINFO", catalog(envCa, config(dir.resolve("a"), "url: " + url + "\ntoken: { fromEnv: GIT_TOKEN }" + cache), "state", "list"));
    java.nio.file.Files.writeString(dir.resolve(".gitconfig"), "[http]\n\tsslCAInfo = " + server.caFile() + "\n");
    show("gitconfig", catalog(env, config(dir.resolve("a"), "url: " + url + "\ntoken: { fromEnv: GIT_TOKEN }" + cache), "state", "list"));
    java.nio.file.Files.delete(dir.resolve(".gitconfig"));
    show("bad ca", catalog(env, config(dir.resolve("f"), "url: " + url + "\ntoken: { fromEnv: GIT_TOKEN }\ncaFile: " + dir.resolve("nope.pem") + cache), "state", "list"));
    show("wrong ca", catalog(env, config(dir.resolve("f"), "url: " + url + "\ntoken: { fromEnv: GIT_TOKEN }\ncaFile: " + dir.resolve("a/catalog.yaml") + cache), "state", "list"));
  }
}
