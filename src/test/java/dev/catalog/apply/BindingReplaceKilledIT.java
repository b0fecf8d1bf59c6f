package dev.catalog.apply;

import static dev.catalog.apply.ApplyLifecycleIT.PASSWORD;
import static dev.catalog.apply.ApplyLifecycleIT.queue;
import static dev.catalog.apply.ApplyLifecycleIT.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.cli.CliRun;
import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import dev.catalog.testbroker.FaultInjector;
import dev.catalog.testbroker.LedgerBinding;
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
 * Issue 14: an apply replacing a binding (create before destroy) killed with SIGKILL before or
 * after any of its broker requests leaves the credentials file holding the credentials of a binding
 * still bound at the broker, and the next apply converges: the broker holds exactly the binding
 * state records, nothing retiring is left, the file holds its credentials.
 */
@Timeout(900)
class BindingReplaceKilledIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private ReferenceBroker broker;
  private Path config;

  @BeforeEach
  void startBroker() {
    broker =
        ReferenceBroker.start(
            new ReferenceBroker.Options(
                "127.0.0.1", 0, PASSWORD, Clock.systemUTC(), Duration.ZERO));
    config = dir.resolve("catalog.yaml");
  }

  @AfterEach
  void stopBroker() {
    broker.close();
  }

  private void declare(String role) throws IOException {
    var binding =
        """
        - name: events-app
          instance: events
          parameters: { role: %s }
          credentials:
            file: { path: out/events.json }
        """
            .formatted(role);
    Files.writeString(config, yaml(broker, queue("events"), binding));
  }

  @Test
  void aReplaceKilledAtAnyRequestLeavesValidCredentialsAndConvergesOnTheNextApply()
      throws Exception {
    declare("role-0");
    assertThat(run("apply", "--auto-approve").exitCode()).isZero();
    int killed = 0;
    int round = 0;
    for (int request = 1; request <= 5; request++) {
      for (boolean afterWork : new boolean[] {false, true}) {
        var what = "killed at request " + request + (afterWork ? " after" : " before") + " work";
        declare("role-" + ++round);
        if (killedApplyAt(request, afterWork)) {
          killed++;
        }
        assertTheFileHoldsCredentialsOfABoundBinding(what);
        var rerun = run("apply", "--auto-approve");
        assertThat(rerun.exitCode()).as(what + ": " + rerun.out() + rerun.err()).isZero();
        var plan = run("plan", "--detailed-exitcode");
        assertThat(plan.exitCode()).as(what + ": " + plan.out()).isZero();
        assertBrokerHoldsExactlyWhatStateRecords(what);
      }
    }
    // A replace sends the catalog GET, the new binding's PUT and the old one's DELETE.
    assertThat(killed).as("kills that hit a running apply").isGreaterThanOrEqualTo(6);
  }

  private boolean killedApplyAt(int request, boolean afterWork) throws Exception {
    var killed = new AtomicBoolean();
    var child = new Process[1];
    broker
        .faults()
        .hook(
            new FaultInjector.RequestHook() {
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

  private void assertTheFileHoldsCredentialsOfABoundBinding(String what) throws IOException {
    var delivered =
        JSON.convertValue(JSON.readTree(dir.resolve("out/events.json").toFile()), Map.class);
    assertThat(broker.ledger().bindings())
        .as(what + ": the file holds the credentials of a bound binding")
        .extracting(LedgerBinding::credentials)
        .contains(delivered);
  }

  private void assertBrokerHoldsExactlyWhatStateRecords(String what) throws IOException {
    var state = ChildApply.stateIn(dir);
    var binding = (BindingState) state.resource(Address.binding("events-app")).orElseThrow();
    assertThat(state.resources().keySet())
        .as(what)
        .containsExactly(Address.instance("events"), Address.binding("events-app"));
    assertThat(broker.ledger().bindings())
        .as(what)
        .extracting(LedgerBinding::id)
        .containsExactly(binding.bindingId());
    assertThat(state.inFlight()).as(what).isEmpty();
    var delivered =
        JSON.convertValue(JSON.readTree(dir.resolve("out/events.json").toFile()), Map.class);
    assertThat(delivered)
        .as(what)
        .isEqualTo(broker.ledger().binding(binding.bindingId()).orElseThrow().credentials());
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
