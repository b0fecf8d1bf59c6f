package dev.catalog.state.backend.git;

import static dev.catalog.state.backend.git.GitRemoteFixture.assertNoFileHolds;
import static dev.catalog.state.backend.git.GitRemoteFixture.emptyStateFile;
import static dev.catalog.state.backend.git.GitRemoteFixture.git;
import static dev.catalog.state.backend.git.GitRemoteFixture.stateFile;
import static dev.catalog.testgit.HttpsGitServer.READ_TOKEN;
import static dev.catalog.testgit.HttpsGitServer.WRITE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.testgit.HttpsGitServer;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The git backend over HTTPS with a private CA and basic auth, a write token and a read-only one
 * (issue 19 item 7).
 */
class GitHttpsRemoteIT extends HttpsRemoteTest {
  @Test
  void aPrivateCaInCaFileAndATokenFromEnvWriteReadAndPlanOverHttps() {
    var state = stateFile(dir, "orders-db");
    var pushed = run(writer(), "state", "push", state.toString());
    assertThat(pushed.err()).isEmpty();
    assertThat(pushed.out()).isEqualTo("Pushed " + state + " to " + identity() + " (serial 1).\n");
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
        "[http \"https://127.0.0.1:"
            + server.port()
            + "/\"]\n\tsslCAInfo = "
            + server.caFile()
            + "\n");
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
    assertThat(git(repo, "log", "--format=%s", "main"))
        .isEqualTo("catalog: push state (serial 1)\n");
  }

  @Test
  void aRefusedTokenIsReportedWithoutQuotingIt() {
    var wrong =
        config("url: " + url + "\ntoken: { fromEnv: READ_TOKEN }\ncaFile: " + server.caFile());
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
}
