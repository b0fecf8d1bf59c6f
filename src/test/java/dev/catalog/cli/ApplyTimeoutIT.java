package dev.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.state.Address;
import dev.catalog.state.InstanceState;
import dev.catalog.state.OperationState;
import dev.catalog.state.StateStore;
import dev.catalog.state.backend.local.LocalBackend;
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

/**
 * {@code apply --timeout} against the reference broker (issue 15 item 5): at the deadline an async
 * provision being polled is left in flight with its token, the lock is released, the run exits 1,
 * and the next apply finishes the same operation with no second instance.
 */
@Timeout(240)
class ApplyTimeoutIT {
  private static final String PASSWORD = "apply-timeout-broker-pw";
  @TempDir Path dir;
  private ReferenceBroker broker;
  private Path config;

  @BeforeEach
  void setUp() throws IOException {
    // The queue's provision stays "in progress" for 40 seconds; the run's deadline is 12 (planning
    // on a loaded machine must fit in it).
    broker =
        ReferenceBroker.start(
            new ReferenceBroker.Options(
                "127.0.0.1", 0, PASSWORD, Clock.systemUTC(), Duration.ofSeconds(40)));
    config = dir.resolve("catalog.yaml");
    Files.writeString(
        config,
        """
        apiVersion: catalog/v1
        brokers:
          - name: data
            url: %s
            auth: { basic: { username: admin, password: { fromEnv: BROKER_PW } } }
          - name: messaging
            url: %s
            auth: { basic: { username: admin, password: { fromEnv: BROKER_PW } } }
        instances:
          - { name: orders-db, broker: data, service: db, plan: small, parameters: { storage_gb: 20 } }
          - { name: events, broker: messaging, service: queue, plan: standard }
        """
            .formatted(broker.baseUrl("data"), broker.baseUrl("messaging")));
  }

  @AfterEach
  void tearDown() {
    broker.close();
  }

  private CliRun run(String... args) {
    var all = new String[args.length + 2];
    all[0] = args[0];
    all[1] = "-f";
    all[2] = config.toString();
    System.arraycopy(args, 1, all, 3, args.length - 1);
    return CliRun.run(Map.of("BROKER_PW", PASSWORD, "CI", "true"), all);
  }

  private InstanceState recorded(String name) {
    var state =
        new StateStore(new LocalBackend(dir.resolve("catalog.state.json")), "test").read().state();
    return (InstanceState) state.resource(Address.instance(name)).orElseThrow();
  }

  @Test
  void theDeadlineLeavesThePolledProvisionInFlightAndTheNextApplyFinishesIt() {
    var stopped = run("apply", "--auto-approve", "--timeout", "12s");

    assertThat(stopped.exitCode()).isEqualTo(1);
    assertThat(stopped.err())
        .isEqualTo(
            """

            Timeout: the --timeout 12s deadline passed: no new operations will start. Waiting for\
             the running requests to be answered and recorded; operations in progress are left\
             for the next apply.
            Error: apply stopped at its --timeout of 12s: operations not started were left out,\
             and operations still in progress are recorded in state; run "catalog apply" again\
             (or "catalog refresh") to finish them
            """);
    assertThat(stopped.out())
        .contains("instance.events: Still creating after ")
        .contains("Apply interrupted! Resources: 1 added, 0 changed, 0 destroyed;");
    var events = recorded("events").lastOperation().orElseThrow();
    assertThat(events.state()).isEqualTo(OperationState.IN_PROGRESS);
    assertThat(events.operationToken()).isPresent();
    assertThat(broker.ledger().instances()).hasSize(2);

    // The lock was released: the next apply takes it, polls the same operation, creates nothing.
    var resumed = run("apply", "--auto-approve");

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(recorded("events").lastOperation().orElseThrow().state())
        .isEqualTo(OperationState.SUCCEEDED);
    assertThat(broker.ledger().instances()).hasSize(2);
  }

  @Test
  void aDeadlinePassedWhilePlanningChangesNothing() {
    var run = run("apply", "--auto-approve", "--timeout", "1ms");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "Error: the --timeout 1ms deadline passed while planning; nothing was changed at any"
                + " broker or in state\n");
    assertThat(broker.ledger().instances()).isEmpty();
  }

  @Test
  void aTimeoutThatIsNotADurationIsAUsageErrorAndNothingIsSent() {
    var run = run("apply", "--auto-approve", "--timeout", "soon");

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("--timeout").contains("soon");
    assertThat(broker.ledger().instances()).isEmpty();
  }
}
