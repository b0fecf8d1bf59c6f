package dev.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.osb.FakeClock;
import dev.catalog.testbroker.ReferenceBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code catalog lock}, offline validate and the lock section of plan, on the reference broker. */
class LockCommandIT {
  private static final String PASSWORD = "lock-command-pw-90af";
  private static ReferenceBroker broker;

  @TempDir Path dir;

  @BeforeAll
  static void startBroker() {
    broker = ReferenceBroker.start(ReferenceBroker.Options.forTests(PASSWORD, new FakeClock()));
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private Path config(int storage) throws IOException {
    var file = dir.resolve("catalog.yaml");
    Files.writeString(
        file,
        """
        apiVersion: catalog/v1
        brokers:
          - name: data
            url: %s
            auth:
              basic:
                username: admin
                password: { fromEnv: BROKER_PASSWORD }
        instances:
          - name: orders
            broker: data
            service: db
            plan: small
            parameters: { storage_gb: %d }
        """
            .formatted(broker.baseUrl("data"), storage));
    return file;
  }

  private static CliRun run(Map<String, String> env, String... args) {
    return CliRun.run(env, args);
  }

  private static CliRun run(String... args) {
    return run(Map.of("BROKER_PASSWORD", PASSWORD), args);
  }

  @Test
  void lockWritesTheLockFileAndValidateChecksParametersOfflineAgainstIt() throws IOException {
    var file = config(500).toString();
    var locked = run("lock", "-f", file);
    assertThat(locked.exitCode()).as(locked.err()).isZero();
    assertThat(locked.out())
        .isEqualTo("Wrote " + dir.resolve("catalog.lock.json") + ": 1 broker, 1 plan in use.\n");
    assertThat(Files.readString(dir.resolve("catalog.lock.json")))
        .contains("\"maximum\" : 100", "\"maintenance_info_version\" : \"1.0.0\"")
        .doesNotContain("\"large\"", PASSWORD);

    broker.close();
    var offline = run("validate", "-f", file);
    assertThat(offline.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(offline.err())
        .startsWith(
            file + ":14:31: instances[0].parameters.storage_gb: must have a maximum value of 100");
    broker = ReferenceBroker.start(ReferenceBroker.Options.forTests(PASSWORD, new FakeClock()));
  }

  @Test
  void planShowsHowTheLiveCatalogDiffersAndReadonlyRefusesIt() throws IOException {
    var file = config(5).toString();
    assertThat(run("lock", "-f", file).exitCode()).isZero();
    assertThat(run("plan", "-f", file, "--lockfile", "readonly").exitCode()).isZero();
    var lock = dir.resolve("catalog.lock.json");
    Files.writeString(
        lock,
        Files.readString(lock)
            .replace(
                "\"maintenance_info_version\" : \"1.0.0\"",
                "\"maintenance_info_version\" : \"0.9.0\"")
            .replace("\"maximum\" : 100", "\"maximum\" : 50"));

    var plan = run("plan", "-f", file);
    assertThat(plan.exitCode()).isZero();
    var small = "broker \"data\", service \"db\", plan \"small\": ";
    assertThat(plan.out())
        .startsWith(
            "Catalog changes since catalog.lock.json:\n"
                + "  "
                + small
                + "instance create schema changed\n"
                + "  "
                + small
                + "maintenance_info 0.9.0 -> 1.0.0 (newer)\n"
                + "Review them, then run \"catalog lock\" to record them"
                + " (--lockfile=readonly refuses them).\n");

    var readonly = run("plan", "-f", file, "--lockfile", "readonly");
    assertThat(readonly.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(readonly.out()).isEmpty();
    assertThat(readonly.err())
        .isEqualTo(
            "Error: --lockfile=readonly: the live catalogs differ from catalog.lock.json:\n"
                + "  "
                + small
                + "instance create schema changed\n"
                + "  "
                + small
                + "maintenance_info 0.9.0 -> 1.0.0 (newer)\n"
                + "review the changes, then run \"catalog lock\" and commit catalog.lock.json\n");
  }
}
