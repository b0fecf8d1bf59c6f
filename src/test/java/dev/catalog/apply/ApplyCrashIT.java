package dev.catalog.apply;

import static dev.catalog.apply.ApplyLifecycleIT.PASSWORD;
import static dev.catalog.apply.ApplyLifecycleIT.binding;
import static dev.catalog.apply.ApplyLifecycleIT.db;
import static dev.catalog.apply.ApplyLifecycleIT.queue;
import static dev.catalog.apply.ApplyLifecycleIT.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.cli.CliRun;
import dev.catalog.state.BindingState;
import dev.catalog.state.InstanceState;
import dev.catalog.state.State;
import dev.catalog.testbroker.FaultInjector;
import dev.catalog.testbroker.LedgerBinding;
import dev.catalog.testbroker.LedgerInstance;
import dev.catalog.testbroker.ReferenceBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety (issue 6): {@code catalog apply} runs as a separate process against the reference
 * broker (async {@code queue}, sync {@code db}, two bindings) and is killed with SIGKILL when the
 * broker sees its Nth request, before or after the broker does the work. Apply is run again each
 * time; the broker must then hold exactly the configured resources, none orphaned and none twice,
 * and state must match the broker.
 */
@Timeout(900)
class ApplyCrashIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private ReferenceBroker broker;
  private Path config;

  @BeforeEach
  void startBroker() throws IOException {
    broker =
        ReferenceBroker.start(
            new ReferenceBroker.Options(
                "127.0.0.1", 0, PASSWORD, Clock.systemUTC(), Duration.ofSeconds(4)));
    config = dir.resolve("catalog.yaml");
    Files.writeString(
        config,
        yaml(
            broker,
            db("orders-db", "small", 20) + db("reports-db", "large", 50) + queue("events"),
            binding("orders-app", "orders-db", "out/orders.json")
                + binding("reports-app", "reports-db", "out/reports.json")
                + binding("events-app", "events", "out/events.json")));
  }

  @AfterEach
  void stopBroker() {
    broker.close();
  }

  /** Where the kill happens: at the broker's Nth request of the run, before or after its work. */
  record KillPoint(int request, boolean afterWork) {}

  @Test
  void applyKilledAtTwentyPointsConvergesWithNoOrphanedOrDuplicatedResources() throws Exception {
    int requests = countRequestsOfACleanApply();
    // Two catalogs, three PUTs of instances, the queue's polls, three binds: 10 at least.
    assertThat(requests).isGreaterThanOrEqualTo(11);
    var points = new ArrayList<KillPoint>();
    for (int n = 1; n <= 10; n++) {
      points.add(new KillPoint(n, false));
      points.add(new KillPoint(n, true));
    }
    var killed = new ArrayList<KillPoint>();
    for (var point : points) {
      if (killedApplyAt(point)) {
        killed.add(point);
      }
      var rerun = CliRun.run(env(), "apply", "-f", config.toString(), "--auto-approve");
      assertThat(rerun.exitCode()).as(point + ": " + rerun.out() + rerun.err()).isZero();
      assertBrokerMatchesConfigurationAndState(point);
      var destroy = CliRun.run(env(), "destroy", "-f", config.toString(), "--auto-approve");
      assertThat(destroy.exitCode()).as(point + ": " + destroy.out()).isZero();
      assertThat(broker.ledger().instances()).as(point.toString()).isEmpty();
      assertThat(broker.ledger().bindings()).as(point.toString()).isEmpty();
    }
    assertThat(killed).as("every point killed a running apply").isEqualTo(points);
  }

  private int countRequestsOfACleanApply() throws Exception {
    var count = new java.util.concurrent.atomic.AtomicInteger();
    broker.faults().hook(new FaultInjector.RequestHook() {
      @Override
      public void beforeWork(int number, String method, String path) {
        count.set(number);
      }

      @Override
      public void afterWork(int number, String method, String path) {}
    });
    var process = start();
    assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(dir.resolve("child.out"))).isZero();
    broker.faults().hook(null);
    int total = count.get();
    var destroy = CliRun.run(env(), "destroy", "-f", config.toString(), "--auto-approve");
    assertThat(destroy.exitCode()).isZero();
    return total;
  }

  /** Runs apply in a child process and SIGKILLs it at {@code point}; true when it was killed. */
  private boolean killedApplyAt(KillPoint point) throws Exception {
    var killed = new AtomicBoolean();
    var holder = new Process[1];
    broker.faults().hook(new FaultInjector.RequestHook() {
      @Override
      public void beforeWork(int number, String method, String path) {
        if (!point.afterWork() && number == point.request()) {
          kill();
        }
      }

      @Override
      public void afterWork(int number, String method, String path) {
        if (point.afterWork() && number == point.request()) {
          kill();
        }
      }

      private void kill() {
        // Set first: the test thread's waitFor returns as soon as the process is gone.
        killed.set(true);
        holder[0].destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
        try {
          holder[0].waitFor();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
    holder[0] = start();
    assertThat(holder[0].waitFor(300, TimeUnit.SECONDS)).isTrue();
    broker.faults().hook(null);
    return killed.get();
  }

  private Process start() throws IOException {
    var builder = ChildApply.of(config, env());
    builder.redirectOutput(dir.resolve("child.out").toFile());
    return builder.start();
  }

  private static Map<String, String> env() {
    return Map.of("BROKER_PW", PASSWORD, "CI", "true");
  }

  private State state() {
    return ChildApply.stateIn(dir);
  }

  private void assertBrokerMatchesConfigurationAndState(KillPoint point) throws IOException {
    var state = state();
    var instances =
        state.resources().values().stream()
            .filter(InstanceState.class::isInstance)
            .map(r -> ((InstanceState) r).instanceId())
            .collect(Collectors.toSet());
    var bindings =
        state.resources().values().stream()
            .filter(BindingState.class::isInstance)
            .map(r -> ((BindingState) r).bindingId())
            .collect(Collectors.toSet());
    List<LedgerInstance> ledgerInstances = broker.ledger().instances();
    List<LedgerBinding> ledgerBindings = broker.ledger().bindings();
    var what = point + " state " + state.resources().keySet();
    assertThat(ledgerInstances).as(what).hasSize(3);
    assertThat(ledgerInstances).extracting(LedgerInstance::id).as(what)
        .containsExactlyInAnyOrderElementsOf(instances);
    assertThat(ledgerInstances).extracting(LedgerInstance::status).as(what)
        .containsOnly(LedgerInstance.Status.READY);
    assertThat(ledgerBindings).as(what).hasSize(3);
    assertThat(ledgerBindings).extracting(LedgerBinding::id).as(what)
        .containsExactlyInAnyOrderElementsOf(bindings);
    assertThat(state.inFlight()).as(what).isEmpty();
    var orders =
        (BindingState) state.resource(dev.catalog.state.Address.binding("orders-app")).orElseThrow();
    var delivered = JSON.readTree(dir.resolve("out/orders.json").toFile());
    assertThat(JSON.convertValue(delivered, Map.class)).as(what)
        .isEqualTo(broker.ledger().binding(orders.bindingId()).orElseThrow().credentials());
  }
}
