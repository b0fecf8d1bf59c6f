package dev.catalog.apply;

import static dev.catalog.apply.ApplyLifecycleIT.PASSWORD;
import static dev.catalog.apply.ApplyLifecycleIT.binding;
import static dev.catalog.apply.ApplyLifecycleIT.db;
import static dev.catalog.apply.ApplyLifecycleIT.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.Secret;
import dev.catalog.cli.CliRun;
import dev.catalog.osb.BrokerAuth;
import dev.catalog.osb.BrokerClient;
import dev.catalog.osb.BrokerConnection;
import dev.catalog.osb.OfferingRef;
import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import dev.catalog.state.InstanceState;
import dev.catalog.testbroker.BrokerCatalog;
import dev.catalog.testbroker.FaultInjector;
import dev.catalog.testbroker.LedgerBinding;
import dev.catalog.testbroker.LedgerInstance;
import dev.catalog.testbroker.ReferenceBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drift cron's loop (issue 19, item 1): a resource deleted at its broker behind catalog's back
 * is reported by {@code drift}, re-created by {@code apply} under a new id with its bindings
 * following it, and the next plan has nothing to do; also when apply is killed while it recovers.
 */
@Timeout(600)
class DriftRecoveryIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OfferingRef SMALL =
      new OfferingRef(BrokerCatalog.DB_SERVICE_ID, BrokerCatalog.DB_SMALL_PLAN_ID);

  @TempDir Path dir;
  private ReferenceBroker broker;
  private BrokerClient client;
  private Path config;

  @BeforeEach
  void startBroker() throws IOException {
    broker =
        ReferenceBroker.start(
            new ReferenceBroker.Options(
                "127.0.0.1", 0, PASSWORD, Clock.systemUTC(), Duration.ZERO));
    client =
        BrokerClient.create(
            BrokerConnection.of(
                broker.baseUrl("data"),
                BrokerAuth.basic(ReferenceBroker.USERNAME, Secret.of(PASSWORD))));
    config = dir.resolve("catalog.yaml");
    Files.writeString(
        config,
        yaml(
            broker, db("orders-db", "small", 20), binding("orders-app", "orders-db", "out/o.json")));
  }

  @AfterEach
  void stopBroker() {
    broker.close();
  }

  @Test
  void anInstanceDeletedAtItsBrokerIsRecreatedWithItsBindingAndThePlanIsThenEmpty()
      throws IOException {
    assertThat(run("apply", "--auto-approve").exitCode()).isZero();
    var before = recordedInstance();
    deleteAtBroker(before, recordedBinding());

    var drift = run("drift");
    var apply = run("apply", "--auto-approve");
    var plan = run("plan", "--detailed-exitcode");

    assertThat(drift.exitCode()).isEqualTo(2);
    assertThat(drift.out()).contains("# instance.orders-db has been deleted outside of catalog");
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out())
        .contains(
            """
              # instance.orders-db will be created (it no longer exists at the broker)
            """)
        .contains(
            """
              # binding.orders-app will be created (its instance is replaced)
            """)
        .contains("Apply complete! Resources: 2 added, 0 changed, 0 destroyed.");
    assertThat(plan.exitCode()).as(plan.out()).isZero();
    var after = recordedInstance();
    assertThat(after.instanceId()).isNotEqualTo(before.instanceId());
    assertBrokerHoldsExactlyWhatStateRecords();
  }

  @Test
  void aBindingDeletedAtItsBrokerIsRecreatedUnderANewId() throws IOException {
    assertThat(run("apply", "--auto-approve").exitCode()).isZero();
    var before = recordedBinding();
    client.unbind(before.instanceId(), before.bindingId(), SMALL);

    var drift = run("drift");
    var apply = run("apply", "--auto-approve");
    var plan = run("plan", "--detailed-exitcode");

    assertThat(drift.exitCode()).isEqualTo(2);
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out())
        .contains(
            """
              # binding.orders-app will be created (it no longer exists at the broker)
            """)
        .contains("Apply complete! Resources: 1 added, 0 changed, 0 destroyed.");
    assertThat(plan.exitCode()).as(plan.out()).isZero();
    assertThat(recordedBinding().bindingId()).isNotEqualTo(before.bindingId());
    assertThat(recordedBinding().instanceId()).isEqualTo(before.instanceId());
    assertBrokerHoldsExactlyWhatStateRecords();
  }

  @Test
  void aRecoveryKilledAtAnyRequestConvergesOnTheNextApply() throws Exception {
    int killed = 0;
    for (int request = 1; request <= 6; request++) {
      for (boolean afterWork : new boolean[] {false, true}) {
        assertThat(run("apply", "--auto-approve").exitCode()).isZero();
        deleteAtBroker(recordedInstance(), recordedBinding());
        if (killedApplyAt(request, afterWork)) {
          killed++;
        }
        var rerun = run("apply", "--auto-approve");
        var what = "killed at request " + request + (afterWork ? " after" : " before") + " work";
        assertThat(rerun.exitCode()).as(what + ": " + rerun.out() + rerun.err()).isZero();
        assertThat(run("plan", "--detailed-exitcode").exitCode()).as(what).isZero();
        assertBrokerHoldsExactlyWhatStateRecords();
      }
    }
    // A recovery sends at least a catalog GET, the instance GET, the PUT of each resource.
    assertThat(killed).as("kills that hit a running apply").isGreaterThanOrEqualTo(8);
  }

  private void deleteAtBroker(InstanceState instance, BindingState binding) {
    client.unbind(instance.instanceId(), binding.bindingId(), SMALL);
    client.deprovision(instance.instanceId(), SMALL);
    assertThat(broker.ledger().instances()).isEmpty();
  }

  private boolean killedApplyAt(int request, boolean afterWork) throws Exception {
    var killed = new AtomicBoolean();
    var child = new Process[1];
    broker.faults().hook(new FaultInjector.RequestHook() {
      @Override
      public void beforeWork(int number, String method, String path) {
        if (!afterWork && number == request) {
          kill();
        }
      }

      @Override
      public void afterWork(int number, String method, String path) {
        if (afterWork && number == request) {
          kill();
        }
      }

      private void kill() {
        killed.set(true);
        child[0].destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
        try {
          child[0].waitFor();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
    var builder = ChildApply.of(config, Map.of("BROKER_PW", PASSWORD, "CI", "true"));
    builder.redirectOutput(dir.resolve("child.out").toFile());
    child[0] = builder.start();
    assertThat(child[0].waitFor(300, TimeUnit.SECONDS)).isTrue();
    broker.faults().hook(null);
    return killed.get();
  }

  private void assertBrokerHoldsExactlyWhatStateRecords() throws IOException {
    var instance = recordedInstance();
    var binding = recordedBinding();
    assertThat(broker.ledger().instances())
        .extracting(LedgerInstance::id)
        .containsExactly(instance.instanceId());
    assertThat(broker.ledger().bindings())
        .extracting(LedgerBinding::id, LedgerBinding::instanceId)
        .containsExactly(tuple(binding.bindingId(), instance.instanceId()));
    assertThat(ChildApply.stateIn(dir).inFlight()).isEmpty();
    var delivered = JSON.readTree(dir.resolve("out/o.json").toFile());
    assertThat(JSON.convertValue(delivered, Map.class))
        .isEqualTo(broker.ledger().binding(binding.bindingId()).orElseThrow().credentials());
  }

  private InstanceState recordedInstance() {
    return (InstanceState)
        ChildApply.stateIn(dir).resource(Address.instance("orders-db")).orElseThrow();
  }

  private BindingState recordedBinding() {
    return (BindingState)
        ChildApply.stateIn(dir).resource(Address.binding("orders-app")).orElseThrow();
  }

  private CliRun run(String... args) {
    var all = new String[args.length + 2];
    all[0] = args[0];
    all[1] = "-f";
    all[2] = config.toString();
    System.arraycopy(args, 1, all, 3, args.length - 1);
    return CliRun.run(Map.of("BROKER_PW", PASSWORD), all);
  }
}
