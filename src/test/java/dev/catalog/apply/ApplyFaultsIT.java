package dev.catalog.apply;

import static dev.catalog.apply.ApplyLifecycleIT.PASSWORD;
import static dev.catalog.apply.ApplyLifecycleIT.binding;
import static dev.catalog.apply.ApplyLifecycleIT.db;
import static dev.catalog.apply.ApplyLifecycleIT.queue;
import static dev.catalog.apply.ApplyLifecycleIT.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.cli.CliRun;
import dev.catalog.state.Address;
import dev.catalog.state.InstanceState;
import dev.catalog.state.OperationType;
import dev.catalog.state.State;
import dev.catalog.state.StateStore;
import dev.catalog.state.backend.local.LocalBackend;
import dev.catalog.testbroker.FaultInjector.Timing;
import dev.catalog.testbroker.LedgerInstance;
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
 * Broker failures during apply: the failure is reported with the resource, status and the broker's
 * description, orphans are mitigated as the OSB spec's table says (or recorded as pending when the
 * clean-up fails too), and a second apply converges on the configuration with nothing duplicated.
 */
@Timeout(300)
class ApplyFaultsIT {
  @TempDir Path dir;
  private ReferenceBroker broker;
  private Path config;

  @BeforeEach
  void startBroker() throws IOException {
    broker =
        ReferenceBroker.start(
            new ReferenceBroker.Options(
                "127.0.0.1", 0, PASSWORD, Clock.systemUTC(), Duration.ZERO));
    config = dir.resolve("catalog.yaml");
    Files.writeString(
        config,
        yaml(
            broker,
            db("orders-db", "small", 20) + queue("events"),
            binding("orders-app", "orders-db", "out/orders.json")));
  }

  @AfterEach
  void stopBroker() {
    broker.close();
  }

  private CliRun apply() {
    return CliRun.run(
        Map.of("BROKER_PW", PASSWORD), "apply", "-f", config.toString(), "--auto-approve");
  }

  private State state() {
    return new StateStore(new LocalBackend(dir.resolve("catalog.state.json")), "test")
        .read()
        .state();
  }

  private void assertConverged() {
    var second = apply();
    assertThat(second.exitCode()).as(second.err() + second.out()).isZero();
    assertThat(broker.ledger().instances()).hasSize(2);
    assertThat(broker.ledger().instances())
        .allSatisfy(i -> assertThat(i.status()).isEqualTo(LedgerInstance.Status.READY));
    assertThat(broker.ledger().bindings()).hasSize(1);
    var recordedIds =
        state().resources().values().stream()
            .filter(InstanceState.class::isInstance)
            .map(r -> ((InstanceState) r).instanceId())
            .toList();
    assertThat(broker.ledger().instances())
        .extracting(LedgerInstance::id)
        .containsExactlyInAnyOrderElementsOf(recordedIds);
    assertThat(state().inFlight()).isEmpty();
  }

  @Test
  void provisionFailingWith500AfterTheWorkIsOrphanMitigatedAndTheNextApplyConverges() {
    broker.faults().failNext(1, "PUT", 500, Timing.AFTER_WORK);

    var first = apply();

    assertThat(first.exitCode()).isEqualTo(1);
    assertThat(first.err())
        .contains("Error: instance.")
        .contains("500")
        .contains("\"injected 500\"")
        .contains("orphan mitigation deprovisioned it");
    // The failed instance was deleted again; its binding was skipped, the other branch went on.
    assertThat(broker.ledger().instances()).hasSize(1);
    assertThat(first.out()).containsPattern("Apply failed! Resources: \\d added");
    assertConverged();
  }

  @Test
  void provisionFailingWith500BeforeTheWorkLeavesNothingBehindAndTheNextApplyConverges() {
    broker.faults().failNext(1, "PUT", 500, Timing.BEFORE_WORK);

    var first = apply();

    assertThat(first.exitCode()).isEqualTo(1);
    assertThat(first.err()).contains("orphan mitigation deprovisioned it");
    assertConverged();
  }

  @Test
  void aFailedOrphanMitigationStaysPendingInStateAndTheNextApplyRetriesIt() {
    broker.faults().failNext(1, "PUT", 500, Timing.AFTER_WORK);
    broker.faults().failNext(1, "DELETE", 500, Timing.BEFORE_WORK);

    var first = apply();

    assertThat(first.exitCode()).isEqualTo(1);
    assertThat(first.err()).contains("orphan mitigation is pending and will be retried");
    var pending =
        state().resources().values().stream()
            .filter(InstanceState.class::isInstance)
            .map(InstanceState.class::cast)
            .filter(i -> !i.pendingOrphanMitigation().isEmpty())
            .toList();
    assertThat(pending).hasSize(1);
    assertThat(pending.get(0).pendingOrphanMitigation().get(0).operation())
        .isEqualTo(OperationType.DEPROVISION);
    var orphanId = pending.get(0).instanceId();
    assertThat(broker.ledger().instance(orphanId)).isPresent();
    var plan = CliRun.run(Map.of("BROKER_PW", PASSWORD), "plan", "-f", config.toString());
    assertThat(plan.out())
        .contains(": orphan mitigation pending since ")
        .contains("): apply first sends deprovision of " + orphanId);

    assertConverged();
    assertThat(broker.ledger().instance(orphanId)).isEmpty();
  }

  @Test
  void anAsyncProvisionEndingFailedIsOrphanMitigatedAndTheNextApplyConverges() {
    broker.ledger().failNextAsyncOperation();

    var first = apply();

    assertThat(first.exitCode()).isEqualTo(1);
    assertThat(first.err())
        .containsPattern(
            "(?m)^Error: instance\\.events: provision failed: broker \"messaging\" returned 200 OK"
                + " with state \"failed\": \"injected async failure\"; orphan mitigation"
                + " deprovisioned it$");
    assertThat(state().resource(Address.instance("events"))).isEmpty();
    assertConverged();
  }

  @Test
  void aProvisionAnsweredAfterTheTimeoutIsOrphanMitigatedAndTheNextApplyConverges()
      throws IOException {
    // Both brokers time out after 1 s: whichever PUT the delay hits (they run in parallel).
    var yaml = Files.readString(config);
    for (var prefix : new String[] {"data", "messaging"}) {
      var url = "    url: " + broker.baseUrl(prefix);
      yaml = yaml.replace(url + "\n", url + "\n    timeouts: { request: 1s }\n");
    }
    Files.writeString(config, yaml);
    broker.faults().delayNext("PUT", Duration.ofSeconds(5));

    var first = apply();

    assertThat(first.exitCode()).isEqualTo(1);
    assertThat(first.err()).contains("orphan mitigation deprovisioned it");
    assertConverged();
  }
}
