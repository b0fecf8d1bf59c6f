package dev.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.state.backend.LockInfo;
import dev.catalog.state.backend.local.LocalBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code catalog plan} option handling that needs no broker: exit codes and messages. */
class PlanCommandTest {
  @TempDir Path dir;

  private Path config() throws IOException {
    var file = dir.resolve("catalog.yaml");
    Files.writeString(
        file,
        """
        apiVersion: catalog/v1
        brokers:
          - { name: acme, url: "http://127.0.0.1:1/acme" }
        instances:
          - { name: db, broker: acme, service: db, plan: small }
        """);
    return file;
  }

  @Test
  void exitsThreeWithoutContactingABrokerWhenTheStateIsLockedBySomeoneElse() throws IOException {
    var file = config();
    var backend = new LocalBackend(dir.resolve("catalog.state.json"));
    backend.lock(
        new LockInfo(
            "lock-1", "alice@ci-3", "apply", Instant.parse("2026-03-02T10:14:07Z"), "0.1.0"));

    var run = CliRun.run("plan", "-f", file.toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    var state = dir.resolve("catalog.state.json");
    // The middle line gives the lock's age, which depends on the wall clock of this run.
    assertThat(run.err())
        .startsWith(
            "Error: state local:"
                + state
                + " is locked by alice@ci-3 (operation 'apply',"
                + " lock id lock-1, since 2026-03-02T10:14:07Z, catalog 0.1.0)\nThe lock is ")
        .endsWith(
            " old. The state shows no operation in flight. If no catalog run is active,"
                + " release the lock with: catalog force-unlock lock-1\n");
    backend.forceUnlock("lock-1");
  }

  @Test
  void refusesAnInvalidTargetAddress() throws IOException {
    var run = CliRun.run("plan", "-f", config().toString(), "--target", "db");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo("Error: invalid address 'db': expected instance.NAME or binding.NAME\n");
  }

  @Test
  void refusesAParallelismBelowOne() throws IOException {
    var run = CliRun.run("plan", "-f", config().toString(), "--parallelism", "0");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("Error: --parallelism must be at least 1, not 0\n");
  }
}
