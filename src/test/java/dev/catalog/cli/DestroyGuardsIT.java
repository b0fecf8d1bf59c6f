package dev.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.testbroker.FaultInjector;
import dev.catalog.testbroker.ReferenceBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 2 against the reference broker: preventDestroy recorded in state outlives the YAML
 * entry, lifting it is one state-only apply, and --max-destroy stops a run before any request that
 * changes anything.
 */
@Timeout(120)
class DestroyGuardsIT {
  private static final String PASSWORD = "destroy-guards-broker-pw";
  @TempDir Path dir;
  private ReferenceBroker broker;
  private Path config;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() {
    broker =
        ReferenceBroker.start(
            new ReferenceBroker.Options(
                "127.0.0.1", 0, PASSWORD, Clock.systemUTC(), Duration.ZERO));
    config = dir.resolve("catalog.yaml");
  }

  @AfterEach
  void tearDown() {
    broker.close();
  }

  private void write(String instances) throws IOException {
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
        """
                .formatted(broker.baseUrl("data"))
            + instances);
  }

  private static String ordersDb(String lifecycle) {
    return """
        instances:
          - name: orders-db
            broker: data
            service: db
            plan: small
            parameters: { storage_gb: 20 }
        """
        + (lifecycle.isEmpty() ? "" : "    lifecycle: " + lifecycle + "\n");
  }

  private CliRun run(String... args) {
    var env = new HashMap<String, String>(Map.of("BROKER_PW", PASSWORD));
    var all = new String[args.length + 2];
    all[0] = args[0];
    all[1] = "-f";
    all[2] = config.toString();
    System.arraycopy(args, 1, all, 3, args.length - 1);
    return CliRun.run(env, all);
  }

  /** Records every request the broker serves from now on, as "METHOD /path". */
  private void listen() {
    requests.clear();
    broker
        .faults()
        .hook(
            new FaultInjector.RequestHook() {
              @Override
              public void beforeWork(int number, String method, String path) {
                requests.add(method);
              }

              @Override
              public void afterWork(int number, String method, String path) {}
            });
  }

  private void applyProtected() throws IOException {
    write(ordersDb("{ preventDestroy: true }"));
    var applied = run("apply", "--auto-approve");
    assertThat(applied.exitCode()).as(applied.err()).isZero();
  }

  @Test
  void aProtectedInstanceWhoseYamlEntryWasDeletedIsNotDestroyed() throws IOException {
    applyProtected();
    write("instances: []\n");
    listen();

    var apply = run("apply", "--auto-approve");

    assertThat(apply.exitCode()).isEqualTo(1);
    assertThat(apply.err())
        .isEqualTo(
            "Error: instance.orders-db: the plan would delete it, but state records"
                + " lifecycle.preventDestroy: true from its last apply; to delete it, set"
                + " preventDestroy: false in its YAML entry (declare it again if it was removed)"
                + " and apply, then delete it\n");
    assertThat(requests).isNotEmpty().containsOnly("GET");
    assertThat(broker.ledger().instances()).hasSize(1);
  }

  @Test
  void liftingProtectionIsOneApplyWithoutAChangingRequestThenTheDeleteProceeds()
      throws IOException {
    applyProtected();
    write(ordersDb("{ preventDestroy: false }"));
    listen();

    var plan = run("plan", "--detailed-exitcode");
    var lift = run("apply", "--auto-approve");

    assertThat(plan.exitCode()).as(plan.err()).isEqualTo(2);
    assertThat(plan.out())
        .isEqualTo(
            """
            catalog will record in state, with no broker request:

              ~ instance.orders-db: record lifecycle.preventDestroy: false (no broker request); a\
             later change may destroy it

            Plan: 0 to add, 0 to change, 0 to destroy, 1 to record in state only.
            """);
    assertThat(lift.exitCode()).as(lift.err()).isZero();
    assertThat(requests).containsOnly("GET");
    assertThat(run("plan").out()).isEqualTo("No changes. Live state matches the configuration.\n");

    write("instances: []\n");
    var delete = run("apply", "--auto-approve");

    assertThat(delete.exitCode()).as(delete.err()).isZero();
    assertThat(broker.ledger().instances()).isEmpty();
  }

  @Test
  void maxDestroyRefusesApplyBeforeAnyChangingRequestAndPlanSavesNoFile() throws IOException {
    write(ordersDb(""));
    assertThat(run("apply", "--auto-approve").exitCode()).isZero();
    write("instances: []\n");
    listen();
    var planFile = dir.resolve("tfplan");

    var plan = run("plan", "--max-destroy", "0", "--out", planFile.toString());
    var apply = run("apply", "--auto-approve", "--max-destroy", "0");

    var refusal =
        "Error: the plan would destroy 1 resource (instance.orders-db), more than --max-destroy 0"
            + " allows; nothing was changed. Review the plan; if it is intended, run again with"
            + " --max-destroy 1\n";
    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(plan.err()).isEqualTo(refusal);
    assertThat(planFile).doesNotExist();
    assertThat(apply.exitCode()).isEqualTo(1);
    assertThat(apply.err()).isEqualTo(refusal);
    assertThat(requests).containsOnly("GET");
    assertThat(broker.ledger().instances()).hasSize(1);

    var allowed = run("apply", "--auto-approve", "--max-destroy", "1");

    assertThat(allowed.exitCode()).as(allowed.err()).isZero();
    assertThat(broker.ledger().instances()).isEmpty();
  }

  @Test
  void destroyHonoursMaxDestroyToo() throws IOException {
    write(ordersDb(""));
    assertThat(run("apply", "--auto-approve").exitCode()).isZero();

    var destroy = run("destroy", "--auto-approve", "--max-destroy", "0");

    assertThat(destroy.exitCode()).isEqualTo(1);
    assertThat(destroy.err())
        .startsWith("Error: the plan would destroy 1 resource (instance.orders-db), more than");
    assertThat(broker.ledger().instances()).hasSize(1);
  }
}
