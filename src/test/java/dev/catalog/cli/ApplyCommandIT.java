package dev.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.testbroker.ReferenceBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The approval rules, saved-plan checks and exit codes of {@code catalog apply} and destroy. */
@Timeout(120)
class ApplyCommandIT {
  private static final String PASSWORD = "apply-cli-broker-pw";
  @TempDir Path dir;
  private ReferenceBroker broker;
  private Path config;

  @BeforeEach
  void setUp() throws IOException {
    broker =
        ReferenceBroker.start(
            new ReferenceBroker.Options(
                "127.0.0.1", 0, PASSWORD, Clock.systemUTC(), Duration.ZERO));
    config = dir.resolve("catalog.yaml");
    write(20, false);
  }

  @AfterEach
  void tearDown() {
    broker.close();
  }

  private void write(int storage, boolean preventDestroy) throws IOException {
    Files.writeString(
        config,
        """
        apiVersion: catalog/v1
        brokers:
          - name: data
            url: %s
            auth:
              basic:
                username: admin
                password: { fromEnv: BROKER_PW }
        instances:
          - name: orders-db
            broker: data
            service: db
            plan: small
            parameters: { storage_gb: %d }
            lifecycle: { preventDestroy: %s }
        """
            .formatted(broker.baseUrl("data"), storage, preventDestroy));
  }

  private CliRun run(Map<String, String> extra, String... args) {
    var env = new java.util.HashMap<>(extra);
    env.put("BROKER_PW", PASSWORD);
    var all = new String[args.length + 2];
    all[0] = args[0];
    all[1] = "-f";
    all[2] = config.toString();
    System.arraycopy(args, 1, all, 3, args.length - 1);
    return CliRun.run(env, all);
  }

  @Test
  void applyInCiWithoutAutoApproveRefusesAndSendsNothing() {
    var run = run(Map.of("CI", "true"), "apply");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "Error: no terminal to ask for approval (CI): review the plan and run again with"
                + " --auto-approve, or apply a saved plan with \"catalog apply PLANFILE\"\n");
    assertThat(run.out()).contains("+ instance.orders-db");
    assertThat(broker.ledger().instances()).isEmpty();
  }

  @Test
  void applyWithAutoApproveExitsZeroAndASecondApplyHasNothingToDo() {
    var first = run(Map.of(), "apply", "--auto-approve");
    var second = run(Map.of(), "apply", "--auto-approve");

    assertThat(first.exitCode()).isZero();
    // The elapsed seconds depend on the machine's load: the line's shape is what is asserted.
    assertThat(first.out())
        .containsPattern(
            "instance.orders-db: Creating\\.\\.\\.\n"
                + "instance.orders-db: Creation complete after \\d+s\n\n"
                + "Apply complete! Resources: 1 added, 0 changed, 0 destroyed.\n$");
    assertThat(second.exitCode()).isZero();
    assertThat(second.out()).isEqualTo("No changes. Live state matches the configuration.\n");
    assertThat(broker.ledger().instances()).hasSize(1);
  }

  @Test
  void applyKeepsOnePreviousStateOwnerOnlyAndNoTimestampedBackups() throws IOException {
    run(Map.of(), "apply", "--auto-approve");
    write(30, false);
    var second = run(Map.of(), "apply", "--auto-approve");

    assertThat(second.err()).isEmpty();
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted())
          .containsExactly(
              "catalog.state.json",
              "catalog.state.json.backup",
              "catalog.state.json.lock",
              "catalog.yaml");
    }
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("catalog.state.json.backup"))))
        .isEqualTo("rw-------");
  }

  @Test
  void aSavedPlanIsAppliedWithoutAskingEvenInCi() {
    var plan = dir.resolve("tfplan");
    assertThat(run(Map.of(), "plan", "--out", plan.toString()).exitCode()).isZero();

    var applied = run(Map.of("CI", "true"), "apply", plan.toString());

    assertThat(applied.exitCode()).as(applied.err()).isZero();
    assertThat(broker.ledger().instances()).hasSize(1);
  }

  @Test
  void aSavedPlanIsRefusedOnceAnotherRunChangedTheState() throws IOException {
    run(Map.of(), "apply", "--auto-approve");
    write(30, false);
    var plan = dir.resolve("tfplan");
    run(Map.of(), "plan", "--out", plan.toString());
    var planned = serial();
    run(Map.of(), "apply", "--auto-approve");

    var stale = run(Map.of(), "apply", plan.toString());

    assertThat(stale.exitCode()).isEqualTo(1);
    assertThat(stale.err())
        .isEqualTo(
            "Error: state was changed by another run since this plan was made (plan serial "
                + planned
                + ", state serial "
                + serial()
                + "); run \"catalog plan\" again\n");
  }

  @Test
  void aSavedDestroyPlanIsShownAsADestroyAndApplyCarriesItOut() throws IOException {
    run(Map.of(), "apply", "--auto-approve");
    var plan = dir.resolve("destroy.tfplan");

    var planned = run(Map.of(), "plan", "--destroy", "--out", plan.toString());
    var applied = run(Map.of(), "apply", plan.toString());

    assertThat(planned.exitCode()).isZero();
    assertThat(planned.out())
        .contains("  # instance.orders-db will be destroyed (no longer in the configuration)\n")
        .contains("Plan: 0 to add, 0 to change, 1 to destroy.\n");
    assertThat(applied.exitCode()).as(applied.err()).isZero();
    assertThat(applied.out()).endsWith("Destroy complete! Resources: 1 destroyed.\n");
    assertThat(broker.ledger().instances()).isEmpty();
  }

  @Test
  void aSavedDestroyPlanStillHonoursPreventDestroy() throws IOException {
    run(Map.of(), "apply", "--auto-approve");
    write(20, true);

    var planned = run(Map.of(), "plan", "--destroy", "--out", dir.resolve("d.tfplan").toString());

    assertThat(planned.exitCode()).isEqualTo(1);
    assertThat(planned.err())
        .startsWith("Error: destroy refused: lifecycle.preventDestroy is set on instance.orders-db")
        .endsWith("; set preventDestroy: false first\n");
    assertThat(broker.ledger().instances()).hasSize(1);
  }

  private long serial() {
    return new dev.catalog.state.StateStore(
            new dev.catalog.state.backend.local.LocalBackend(dir.resolve("catalog.state.json")),
            "test")
        .read()
        .state()
        .serial();
  }

  @Test
  void aSavedPlanIsRefusedWhenTheConfigurationChangedSinceItWasMade() throws IOException {
    var plan = dir.resolve("tfplan");
    run(Map.of(), "plan", "--out", plan.toString());
    write(30, false);

    var stale = run(Map.of(), "apply", plan.toString());

    assertThat(stale.exitCode()).isEqualTo(1);
    assertThat(stale.err())
        .isEqualTo(
            """
            Error: the changes apply would make now differ from the saved plan; refusing to\
             apply changes that were not reviewed:
              instance.orders-db: parameters.storage_gb: planned 20, now 30
            run "catalog plan" again and review the new plan
            """);
    assertThat(broker.ledger().instances()).isEmpty();
  }

  @Test
  void destroyRefusesWhilePreventDestroyIsSet() throws IOException {
    run(Map.of(), "apply", "--auto-approve");
    write(20, true);

    var destroy = run(Map.of(), "destroy", "--auto-approve");

    assertThat(destroy.exitCode()).isEqualTo(1);
    assertThat(destroy.err())
        .startsWith("Error: destroy refused: lifecycle.preventDestroy is set on instance.orders-db")
        .endsWith("; set preventDestroy: false first\n");
    assertThat(broker.ledger().instances()).hasSize(1);
  }

  @Test
  void applyWithJsonFormatPrintsOneEventPerLineAndASummary() {
    var run = run(Map.of(), "apply", "--auto-approve", "--format", "json");

    assertThat(run.exitCode()).isZero();
    var lines = run.out().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).contains("\"type\":\"started\"", "\"address\":\"instance.orders-db\"");
    assertThat(lines.get(1)).contains("\"type\":\"completed\"");
    assertThat(lines.get(2))
        .contains(
            "\"type\":\"summary\"",
            "\"message\":\"Apply complete! Resources: 1 added, 0 changed, 0 destroyed.\"");
  }
}
