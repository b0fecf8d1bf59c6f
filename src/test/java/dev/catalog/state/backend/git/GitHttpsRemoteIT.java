package dev.catalog.state.backend.git;

import static dev.catalog.state.backend.git.GitRemoteFixture.assertNoFileHolds;
import static dev.catalog.state.backend.git.GitRemoteFixture.catalog;
import static dev.catalog.state.backend.git.GitRemoteFixture.emptyStateFile;
import static dev.catalog.state.backend.git.GitRemoteFixture.git;
import static dev.catalog.state.backend.git.GitRemoteFixture.stateFile;
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
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The git backend against Git's own smart-HTTP server (git-http-backend behind nginx) over HTTPS
 * with a private CA and basic auth, a write token and a read-only one (issue 19 item 7).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class GitHttpsRemoteIT {
  private static HttpsGitServer server;
  @TempDir static Path serverDir;
  @TempDir Path dir;
  private String url;
  private Path repo;
  private final Map<String, String> env = new HashMap<>();

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

  private Path config(String backend) {
    return GitRemoteFixture.config(
        dir.resolve("config"), backend + "\ncacheDir: " + dir.resolve("cache"));
  }

  /** The usual block: the write token from the environment and the test CA in caFile. */
  private Path writer() {
    return config(
        "url: " + url + "\ntoken: { fromEnv: GIT_TOKEN }\ncaFile: " + server.caFile());
  }

  private CliRun run(Path config, String... args) {
    var run = catalog(env, config, args);
    for (var output : List.of(run.out(), run.err())) {
      assertThat(output).doesNotContain(WRITE_TOKEN).doesNotContain(READ_TOKEN);
    }
    return run;
  }

  private String identity() {
    return "git:" + url + "#main:catalog.state.json";
  }

  @Test
  void aPrivateCaInCaFileAndATokenFromEnvWriteReadAndPlanOverHttps() {
    var state = stateFile(dir, "orders-db");
    var pushed = run(writer(), "state", "push", state.toString());
    assertThat(pushed.err()).isEmpty();
    assertThat(pushed.out())
        .isEqualTo("Pushed " + state + " to " + identity() + " (serial 1).\n");
    assertThat(git(repo, "log", "--format=%s|%an", "main"))
        .isEqualTo("catalog: push state (serial 1)|catalog\n");
    assertThat(git(repo, "for-each-ref", "refs/catalog")).isEmpty();
    var listed = run(writer(), "state", "list");
    assertThat(listed.exitCode()).as(listed.err()).isZero();
    assertThat(listed.out()).isEqualTo("instance.orders-db\n");
    assertNoFileHolds(List.of(dir, repo), WRITE_TOKEN, READ_TOKEN);
  }

  @Test
  void withoutTheCaTheCertificateIsNotTrustedAndTheErrorSaysWhatToSet() {
    var listed = run(config("url: " + url + "\ntoken: { fromEnv: GIT_TOKEN }"), "state", "list");
    assertThat(listed.exitCode()).isEqualTo(1);
    assertThat(listed.err())
        .isEqualTo(
            "Error: cannot fetch refs/heads/main from "
                + url
                + ": the server's TLS certificate is not signed by a CA the JVM trusts; for a"
                + " private CA, set caFile in the backend block (or GIT_SSL_CAINFO, or git config"
                + " http.sslCAInfo)\n");
  }

  @Test
  void gitSslCainfoAndHttpSslCainfoInTheGitConfigUnderHomeAreHonoured() throws IOException {
    var config = config("url: " + url + "\ntoken: { fromEnv: GIT_TOKEN }");
    env.put("GIT_SSL_CAINFO", server.caFile().toString());
    var fromEnv = run(config, "state", "list");
    assertThat(fromEnv.exitCode()).as(fromEnv.err()).isZero();
    assertThat(fromEnv.err()).isEqualTo("No state at " + identity() + " yet.\n");

    env.remove("GIT_SSL_CAINFO");
    var home = Files.createDirectories(dir.resolve("home"));
    Files.writeString(
        home.resolve(".gitconfig"),
        "[http \"https://127.0.0.1:" + server.port() + "/\"]\n\tsslCAInfo = " + server.caFile() + "\n");
    var fromGitConfig = run(config, "state", "list");
    assertThat(fromGitConfig.exitCode()).as(fromGitConfig.err()).isZero();
  }

  @Test
  void aCaFileThatIsMissingOrNotACertificateIsNamed() throws IOException {
    var missing = dir.resolve("ca.pem");
    var run = run(config("url: " + url + "\ncaFile: " + missing), "state", "list");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "Error: cannot read the CA certificates for the git backend from caFile "
                + missing
                + ": no such file\n");
    Files.writeString(missing, "not a certificate\n");
    run = run(config("url: " + url + "\ncaFile: " + missing), "state", "list");
    assertThat(run.err())
        .isEqualTo(
            "Error: cannot read the CA certificates for the git backend from caFile "
                + missing
                + ": it holds no PEM certificate\n");
  }

  @Test
  void aCaThatDidNotSignTheServerCertificateIsNamed() throws IOException {
    var other = HttpsGitServer.unrelatedCa(dir);
    var run = run(config("url: " + url + "\ncaFile: " + other), "state", "list");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "Error: cannot fetch refs/heads/main from "
                + url
                + ": the server's TLS certificate is not signed by the CA in caFile "
                + other
                + "\n");
  }

  @Test
  void aReadOnlyTokenPlansWithoutTheLockAndSaysSoButCannotWrite() {
    run(writer(), "state", "push", emptyStateFile(dir).toString());
    var reader =
        config(
            "url: "
                + url.replace("https://", "https://reader@")
                + "\ntoken: { fromEnv: READ_TOKEN }\ncaFile: "
                + server.caFile());
    var plan = run(reader, "plan");
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.out()).contains("No changes.");
    assertThat(plan.err())
        .isEqualTo(
            "Warning: cannot take the lock on state "
                + identity()
                + ": it can be read but not written with these credentials (cannot push"
                + " refs/catalog/locks/main/catalog.state.json to "
                + url
                + ": not authorized: the server refused the token (sent as the password of user"
                + " reader)). The plan goes on without the lock: it writes nothing, but it may see"
                + " a state another run is changing. Apply needs credentials that can push.\n");
    var push = run(reader, "state", "push", "--force", stateFile(dir, "orders-db").toString());
    assertThat(push.exitCode()).isEqualTo(1);
    assertThat(push.err())
        .isEqualTo(
            "Error: cannot take the lock on state "
                + identity()
                + ": it can be read but not written with these credentials (cannot push"
                + " refs/catalog/locks/main/catalog.state.json to "
                + url
                + ": not authorized: the server refused the token (sent as the password of user"
                + " reader))\n");
    assertThat(git(repo, "log", "--format=%s", "main")).isEqualTo("catalog: push state (serial 1)\n");
  }

  @Test
  void aRefusedTokenIsReportedWithoutQuotingIt() {
    var wrong = config("url: " + url + "\ntoken: { fromEnv: READ_TOKEN }\ncaFile: " + server.caFile());
    var run = run(wrong, "state", "list");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "Error: cannot fetch refs/heads/main from "
                + url
                + ": not authorized: the server refused the token (sent as the password of user"
                + " x-access-token)\n");
  }

  @Test
  void theOldTokenEnvStillWorksWithADeprecationWarning() {
    var old = config("url: " + url + "\ntokenEnv: GIT_TOKEN\ncaFile: " + server.caFile());
    var run = run(old, "state", "list");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .isEqualTo(
            "Warning: the git backend setting 'tokenEnv: GIT_TOKEN' is deprecated and will be"
                + " removed: write 'token: { fromEnv: GIT_TOKEN }', as for broker passwords\n"
                + "No state at "
                + identity()
                + " yet.\n");
  }

  @Test
  void aPushTheRemoteRefusesOnceWhileTheBranchStaysIsSentAgain() throws IOException {
    hook(
        "pre-receive",
        "if grep -q ' refs/heads/main$' && [ -e refuse-once ]; then\n"
            + "  rm refuse-once; echo 'main is frozen for a moment' >&2; exit 1\nfi\n");
    Files.createFile(repo.resolve("refuse-once"));
    var pushed = run(writer(), "state", "push", stateFile(dir, "orders-db").toString());
    assertThat(pushed.exitCode()).as(pushed.err()).isZero();
    assertThat(repo.resolve("refuse-once")).doesNotExist();
    assertThat(git(repo, "log", "--format=%s", "main")).isEqualTo("catalog: push state (serial 1)\n");
  }

  @Test
  void aPushTheRemoteAlwaysRefusesIsReportedWithTheRemotesReason() throws IOException {
    hook(
        "pre-receive",
        "if grep -q ' refs/heads/main$'; then\n"
            + "  echo 'refs/heads/main is protected: changes need a review' >&2; exit 1\nfi\n");
    var pushed = run(writer(), "state", "push", stateFile(dir, "orders-db").toString());
    assertThat(pushed.exitCode()).isEqualTo(1);
    assertThat(pushed.err())
        .startsWith(
            "Error: the remote "
                + url
                + " refused the push of refs/heads/main 3 times (REJECTED_OTHER_REASON:"
                + " pre-receive hook declined) while the branch stayed at the version read, so no"
                + " other writer was involved; nothing was written\n"
                + "The remote said: refs/heads/main is protected: changes need a review\n");
    assertThat(git(repo, "for-each-ref", "refs/heads", "refs/catalog")).isEmpty();
  }

  @Test
  void aWriterThatMovesTheBranchWhileThePushIsReceivedIsAConflict() throws IOException {
    run(writer(), "state", "push", stateFile(dir, "orders-db").toString());
    var before = git(repo, "rev-parse", "main").trim();
    var other =
        git(repo, "commit-tree", "main^{tree}", "-p", "main", "-m", "another writer").trim();
    // The update hook runs between the checks and the ref update, as a racing push would.
    hook(
        "update",
        "if [ \"$1\" = refs/heads/main ] && [ -e move-main ]; then\n"
            + "  git update-ref refs/heads/main \"$(cat move-main)\"; rm move-main\nfi\n");
    Files.writeString(repo.resolve("move-main"), other + "\n");
    var pushed = run(writer(), "state", "push", "--force", stateFile(dir, "audit-db").toString());
    assertThat(pushed.exitCode()).isEqualTo(1);
    assertThat(pushed.err())
        .matches(
            "Backup of the previous state: \\S+\\.backup\\.json\n"
                + Pattern.quote(
                    "Error: state "
                        + identity()
                        + " changed since it was read: expected version "
                        + before
                        + ", found "
                        + other
                        + "; nothing was written, read it again and retry\n"));
    assertThat(git(repo, "rev-parse", "main").trim()).isEqualTo(other);
  }

  @Test
  void aLockRefThatHoldsNoLockInfoIsReportedAsSuchAndCanBeForceUnlocked() {
    run(writer(), "state", "push", emptyStateFile(dir).toString());
    var garbage =
        git(repo, "commit-tree", "main^{tree}", "-m", "WIP: not a lock").trim();
    git(repo, "update-ref", "refs/catalog/locks/main/catalog.state.json", garbage);
    var plan = run(writer(), "plan");
    assertThat(plan.exitCode()).isEqualTo(3);
    assertThat(plan.err())
        .isEqualTo(
            "Error: state "
                + identity()
                + " is locked by a lock ref catalog cannot read:"
                + " refs/catalog/locks/main/catalog.state.json points at commit "
                + garbage
                + ", whose message is not catalog lock info (damaged, or written by another tool)."
                + " If no catalog run is active, remove it: git push "
                + url
                + " :refs/catalog/locks/main/catalog.state.json  (or: catalog force-unlock "
                + garbage
                + ") The state shows no operation in flight. If no catalog run is active, release"
                + " the lock with: catalog force-unlock "
                + garbage
                + "\n");
    var released = run(writer(), "force-unlock", garbage);
    assertThat(released.exitCode()).as(released.err()).isZero();
    assertThat(git(repo, "for-each-ref", "refs/catalog")).isEmpty();
  }

  private void hook(String name, String body) throws IOException {
    var hook = repo.resolve("hooks").resolve(name);
    Files.writeString(hook, "#!/bin/sh\n" + body);
    assertThat(hook.toFile().setExecutable(true)).isTrue();
  }
}
