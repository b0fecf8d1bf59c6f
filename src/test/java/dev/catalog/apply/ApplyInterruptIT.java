package dev.catalog.apply;

import static dev.catalog.apply.ApplyLifecycleIT.PASSWORD;
import static dev.catalog.apply.ApplyLifecycleIT.binding;
import static dev.catalog.apply.ApplyLifecycleIT.db;
import static dev.catalog.apply.ApplyLifecycleIT.queue;
import static dev.catalog.apply.ApplyLifecycleIT.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.cli.CliRun;
import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import dev.catalog.state.InstanceState;
import dev.catalog.state.ManualClock;
import dev.catalog.state.OperationState;
import dev.catalog.state.OperationType;
import dev.catalog.state.State;
import dev.catalog.testbroker.LedgerBinding;
import dev.catalog.testbroker.LedgerInstance;
import dev.catalog.testbroker.ReferenceBroker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Interrupts (issue 6): {@code catalog apply} runs as a separate process against the reference
 * broker and gets SIGINT or SIGTERM while an async provision is being polled and a bind request is
 * held at the broker. The broker's request hook makes the moments deterministic: it holds the bind
 * until the child has acknowledged the signal. Nothing here waits on a timer.
 */
@Timeout(300)
class ApplyInterruptIT {
  private static final long WAIT_SECONDS = 120;
  private static final String ACKNOWLEDGED = "Interrupted: no new operations will start.";

  @TempDir Path dir;
  private final ManualClock brokerClock = new ManualClock(Instant.now());
  private ReferenceBroker broker;
  private Path config;
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch polled = new CountDownLatch(1);
  private final CountDownLatch bindHeld = new CountDownLatch(1);
  private final CountDownLatch releaseBind = new CountDownLatch(1);
  private final CountDownLatch bindAnswered = new CountDownLatch(1);
  private final CountDownLatch acknowledged = new CountDownLatch(1);
  private final List<String> childOutput = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void startBroker() {
    // Async operations last an hour on the broker's clock: in flight until the test moves it.
    broker =
        ReferenceBroker.start(
            new ReferenceBroker.Options(
                "127.0.0.1", 0, PASSWORD, brokerClock, Duration.ofHours(1)));
    config = dir.resolve("catalog.yaml");
    broker.faults().hook(new HoldingHook());
  }

  @AfterEach
  void stopBroker() {
    releaseBind.countDown();
    broker.close();
  }

  /** Records every request; holds the first bind PUT until the test releases it. */
  private final class HoldingHook implements dev.catalog.testbroker.FaultInjector.RequestHook {
    @Override
    public void beforeWork(int number, String method, String path) {
      requests.add(method + " " + path);
      if (method.equals("GET") && path.endsWith("/last_operation")) {
        polled.countDown();
      }
      if (method.equals("PUT") && path.contains("/service_bindings/") && bindHeld.getCount() > 0) {
        bindHeld.countDown();
        await(releaseBind);
      }
    }

    @Override
    public void afterWork(int number, String method, String path) {
      if (method.equals("PUT") && path.contains("/service_bindings/")) {
        bindAnswered.countDown();
      }
    }
  }

  @ParameterizedTest(name = "SIG{0}")
  @ValueSource(strings = {"INT", "TERM"})
  void anInterruptRecordsTheOperationsInFlightReleasesTheLockAndTheNextApplyConverges(String signal)
      throws Exception {
    Files.writeString(
        config,
        yaml(
            broker,
            db("orders-db", "small", 20) + queue("events"),
            binding("orders-app", "orders-db", "out/orders.json")
                + binding("events-app", "events", "out/events.json")));
    var child = startApply();
    // The provision of events was accepted and its token recorded (it is polled only after the
    // 202 is in state), and the bind of orders-app is at the broker, waiting.
    await(polled);
    await(bindHeld);
    int sentBeforeSignal = requests.size();

    signal(child, signal);
    await(acknowledged);
    releaseBind.countDown();

    assertThat(child.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    var output = String.join("\n", childOutput);
    assertThat(child.exitValue()).as(output).isEqualTo(130);
    assertThat(requests.subList(sentBeforeSignal, requests.size()))
        .as("requests after the signal: no new operation, at most the poll under way")
        .allSatisfy(r -> assertThat(r).startsWith("GET ").endsWith("/last_operation"));
    assertThat(output)
        .contains("instance.events: Still creating after")
        .contains("left in progress for the next apply or refresh")
        .contains("binding.orders-app: Creation complete after")
        .contains("binding.events-app: Skipped because instance.events is still in progress")
        .contains(
            "Apply interrupted! Resources: 2 added, 0 changed, 0 destroyed; 0 failed, 1 skipped,"
                + " 1 still in progress.");
    var events = (InstanceState) state().resource(Address.instance("events")).orElseThrow();
    var op = events.lastOperation().orElseThrow();
    assertThat(op.type()).isEqualTo(OperationType.PROVISION);
    assertThat(op.state()).isEqualTo(OperationState.IN_PROGRESS);
    assertThat(op.operationToken()).isPresent();
    var orders = (BindingState) state().resource(Address.binding("orders-app")).orElseThrow();
    assertThat(orders.inFlight()).isFalse();
    assertThat(state().resource(Address.binding("events-app"))).isEmpty();

    broker.faults().hook(null);
    var plan = run("plan");
    assertThat(plan.exitCode()).as("the lock was released: " + plan.err()).isZero();

    brokerClock.advance(Duration.ofHours(2)); // the provision ends at the broker
    var resumed = run("apply", "--auto-approve");
    assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
    assertThat(resumed.out())
        .contains("instance.events: Creation complete after")
        .endsWith("Apply complete! Resources: 2 added, 0 changed, 0 destroyed.\n");
    assertThat(broker.ledger().instances())
        .extracting(LedgerInstance::id)
        .containsExactlyInAnyOrder(events.instanceId(), instance("orders-db").instanceId());
    assertThat(broker.ledger().instances())
        .extracting(LedgerInstance::status)
        .containsOnly(LedgerInstance.Status.READY);
    assertThat(broker.ledger().bindings())
        .extracting(LedgerBinding::id)
        .containsExactlyInAnyOrder(
            orders.bindingId(),
            ((BindingState) state().resource(Address.binding("events-app")).orElseThrow())
                .bindingId());
    assertThat(state().inFlight()).isEmpty();
  }

  @Test
  void aSecondSigintExitsAtOnceLeavingTheBindRecordedForTheNextApplyToResume() throws Exception {
    Files.writeString(
        config,
        yaml(
            broker,
            db("orders-db", "small", 20),
            binding("orders-app", "orders-db", "out/orders.json")));
    var child = startApply();
    await(bindHeld);

    signal(child, "INT");
    await(acknowledged);
    signal(child, "INT");

    // The bind is still held at the broker: the child did not wait for its answer.
    assertThat(child.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(String.join("\n", childOutput)).isEqualTo(130);
    assertThat(bindAnswered.getCount()).isEqualTo(1);
    var intent = (BindingState) state().resource(Address.binding("orders-app")).orElseThrow();
    var op = intent.lastOperation().orElseThrow();
    assertThat(op.type()).isEqualTo(OperationType.BIND);
    assertThat(op.state()).isEqualTo(OperationState.IN_PROGRESS);
    assertThat(op.operationToken()).isEmpty();
    assertThat(state().inFlight())
        .extracting(r -> r.address().toString())
        .containsExactly("binding.orders-app");

    var plan = run("plan");
    assertThat(plan.exitCode()).as("the lock was released: " + plan.err()).isZero();
    // The broker now does the abandoned bind, before or after the resumed one asks again: the
    // same id either way, so one binding.
    releaseBind.countDown();

    var resumed = run("apply", "--auto-approve");
    assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
    assertThat(broker.ledger().bindings())
        .extracting(LedgerBinding::id)
        .containsExactly(intent.bindingId());
    assertThat(broker.ledger().instances()).hasSize(1);
    assertThat(state().inFlight()).isEmpty();
    var delivered =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readValue(dir.resolve("out/orders.json").toFile(), Map.class);
    assertThat(delivered)
        .isEqualTo(broker.ledger().binding(intent.bindingId()).orElseThrow().credentials());
  }

  private Process startApply() throws IOException {
    var builder = ChildApply.of(config, env());
    var process = builder.start();
    var reader =
        new Thread(
            () -> {
              try (var lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  childOutput.add(line);
                  if (line.startsWith(ACKNOWLEDGED)) {
                    acknowledged.countDown();
                  }
                }
              } catch (IOException e) {
                childOutput.add("(output lost: " + e + ")");
              }
            },
            "apply-child-output");
    reader.setDaemon(true);
    reader.start();
    return process;
  }

  private static void signal(Process process, String name) throws Exception {
    var kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start();
    assertThat(kill.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("waited for the event").isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private CliRun run(String command, String... args) {
    var all = new ArrayList<String>(List.of(command, "-f", config.toString()));
    all.addAll(List.of(args));
    return CliRun.run(env(), all.toArray(String[]::new));
  }

  private static Map<String, String> env() {
    return Map.of("BROKER_PW", PASSWORD, "CI", "true");
  }

  private State state() {
    return ChildApply.stateIn(dir);
  }

  private InstanceState instance(String name) {
    return (InstanceState) state().resource(Address.instance(name)).orElseThrow();
  }
}
