package dev.catalog.apply;

import static dev.catalog.apply.ApplyLifecycleIT.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.cli.CliRun;
import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import dev.catalog.state.InstanceState;
import dev.catalog.state.ManualClock;
import dev.catalog.state.OperationType;
import dev.catalog.state.State;
import dev.catalog.testbroker.FaultInjector;
import dev.catalog.testbroker.LedgerBinding;
import dev.catalog.testbroker.LedgerInstance;
import dev.catalog.testbroker.ReferenceBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Async bind and unbind against the reference broker's {@code stream} service: the bind answers
 * 202, is polled on the binding's last_operation, and its credentials are fetched with GET (P-26);
 * the unbind answers 202 and is polled until gone; a failed async bind is orphan-mitigated (P-25);
 * a bind left in flight (by --no-wait, or a crash) is resumed with the same id.
 */
@Timeout(300)
class ApplyAsyncBindingIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final ManualClock brokerClock = new ManualClock(Instant.now());
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private ReferenceBroker broker;
  private Path config;

  @BeforeEach
  void startBroker() {
    broker =
        ReferenceBroker.start(
            new ReferenceBroker.Options("127.0.0.1", 0, PASSWORD, brokerClock, Duration.ZERO));
    broker.faults().hook(new Recording());
    config = dir.resolve("catalog.yaml");
  }

  @AfterEach
  void stopBroker() {
    broker.close();
  }

  /** Records every OSB request as {@code METHOD path}. */
  private final class Recording implements FaultInjector.RequestHook {
    @Override
    public void beforeWork(int number, String method, String path) {
      requests.add(method + " " + path);
    }

    @Override
    public void afterWork(int number, String method, String path) {}
  }

  private void configure(boolean withBinding) throws IOException {
    var binding =
        """
        bindings:
          - name: feed-app
            instance: feed
            credentials:
              file: { path: out/feed.json }
        """;
    Files.writeString(
        config,
        """
        apiVersion: catalog/v1
        brokers:
          - name: streams
            url: %s
            auth:
              basic:
                username: admin
                password: { fromEnv: BROKER_PW }
        instances:
          - name: feed
            broker: streams
            service: stream
            plan: standard
        %s"""
            .formatted(broker.baseUrl("streams"), withBinding ? binding : ""));
  }

  @Test
  void asyncBindIsPolledThenReadBackAndAsyncUnbindIsPolledUntilDone() throws IOException {
    configure(true);

    var created = run("apply", "--auto-approve");

    assertThat(created.exitCode()).as(created.out() + created.err()).isZero();
    assertThat(created.out())
        .contains("binding.feed-app: Creation complete after")
        .endsWith("Apply complete! Resources: 2 added, 0 changed, 0 destroyed.\n");
    var recorded = binding();
    var path = bindingPath(recorded);
    assertThat(bindingRequests())
        .containsExactly("PUT " + path, "GET " + path + "/last_operation", "GET " + path);
    var ledger = broker.ledger().binding(recorded.bindingId()).orElseThrow();
    assertThat(ledger.status()).isEqualTo(LedgerInstance.Status.READY);
    assertThat(JSON.readValue(dir.resolve("out/feed.json").toFile(), Map.class))
        .isEqualTo(ledger.credentials());
    assertThat(recorded.credentialsFingerprint()).isPresent();
    assertThat(recorded.inFlight()).isFalse();

    configure(false);
    requests.clear();
    var unbound = run("apply", "--auto-approve");

    assertThat(unbound.exitCode()).as(unbound.out() + unbound.err()).isZero();
    assertThat(unbound.out())
        .contains("binding.feed-app: Destruction complete after")
        .endsWith("Apply complete! Resources: 0 added, 0 changed, 1 destroyed.\n");
    assertThat(bindingRequests()).endsWith("DELETE " + path, "GET " + path + "/last_operation");
    assertThat(broker.ledger().bindings()).isEmpty();
    assertThat(state().resource(Address.binding("feed-app"))).isEmpty();
    assertThat(dir.resolve("out/feed.json")).doesNotExist();
  }

  @Test
  void aFailedAsyncBindIsUnboundAndTheNextApplyBindsAfreshUnderANewId() throws IOException {
    configure(true);
    run("apply", "--auto-approve", "--target", "instance.feed");
    broker.ledger().failNextAsyncOperation();

    var failed = run("apply", "--auto-approve");

    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.err())
        .containsPattern(
            "(?m)^Error: binding\\.feed-app: bind failed: broker \"streams\" returned 200 OK with"
                + " state \"failed\": \"injected async failure\"; orphan mitigation unbound it$");
    assertThat(broker.ledger().bindings()).isEmpty();
    assertThat(state().resource(Address.binding("feed-app"))).isEmpty();
    var failedId =
        bindingIdIn(bindingRequests().stream().filter(r -> r.startsWith("PUT ")).findFirst());

    var again = run("apply", "--auto-approve");

    assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
    assertThat(broker.ledger().bindings())
        .extracting(LedgerBinding::id)
        .containsExactly(binding().bindingId())
        .doesNotContain(failedId);
  }

  @Test
  void aBindLeftInFlightByNoWaitIsResumedByPollingItsOperation() throws IOException {
    configure(true);
    broker.ledger().asyncDuration(Duration.ofHours(1));

    var accepted = run("apply", "--auto-approve", "--no-wait");

    assertThat(accepted.exitCode()).as(accepted.out() + accepted.err()).isZero();
    var inFlight = binding();
    var op = inFlight.lastOperation().orElseThrow();
    assertThat(op.type()).isEqualTo(OperationType.BIND);
    assertThat(op.operationToken()).isPresent();
    assertThat(dir.resolve("out/feed.json")).doesNotExist();
    var plan = run("plan", "--detailed-exitcode");
    assertThat(plan.out()).contains("binding.feed-app: bind in flight since ");
    assertThat(plan.exitCode()).as("pending work counts as a change: " + plan.out()).isEqualTo(2);

    brokerClock.advance(Duration.ofHours(2));
    requests.clear();
    var resumed = run("apply", "--auto-approve");

    assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
    assertThat(requests).noneMatch(r -> r.startsWith("PUT "));
    assertThat(broker.ledger().bindings())
        .extracting(LedgerBinding::id)
        .containsExactly(inFlight.bindingId());
    assertThat(JSON.readValue(dir.resolve("out/feed.json").toFile(), Map.class))
        .isEqualTo(broker.ledger().binding(inFlight.bindingId()).orElseThrow().credentials());
    assertThat(state().inFlight()).isEmpty();
    var settled = run("plan", "--detailed-exitcode");
    assertThat(settled.exitCode()).as(settled.out()).isZero();
  }

  @Test
  void anUnbindLeftInFlightIsResumedByPollingItsOperationNotBySendingItAgain() throws IOException {
    configure(true);
    run("apply", "--auto-approve");
    var bound = binding();
    configure(false);
    broker.ledger().asyncDuration(Duration.ofHours(1));

    var accepted = run("apply", "--auto-approve", "--no-wait");

    assertThat(accepted.exitCode()).as(accepted.out() + accepted.err()).isZero();
    assertThat(binding().lastOperation().orElseThrow().operationToken()).isPresent();
    brokerClock.advance(Duration.ofHours(2));
    requests.clear();
    var resumed = run("apply", "--auto-approve");

    assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
    assertThat(resumed.out())
        .endsWith("Apply complete! Resources: 0 added, 0 changed, 1 destroyed.\n");
    assertThat(bindingRequests())
        .endsWith("GET " + bindingPath(bound) + "/last_operation")
        .noneMatch(r -> r.startsWith("DELETE "));
    assertThat(broker.ledger().bindings()).isEmpty();
    assertThat(dir.resolve("out/feed.json")).doesNotExist();
  }

  @Test
  void applyKilledOnceTheBrokerAcceptedTheBindResumesItWithTheSameId() throws Exception {
    configure(true);
    broker.ledger().asyncDuration(Duration.ofHours(1));
    var killed = new AtomicBoolean();
    var child = new Process[1];
    broker
        .faults()
        .hook(
            new FaultInjector.RequestHook() {
              @Override
              public void beforeWork(int number, String method, String path) {}

              @Override
              public void afterWork(int number, String method, String path) {
                if (method.equals("PUT") && path.contains("/service_bindings/")) {
                  killed.set(true);
                  child[0].destroyForcibly(); // SIGKILL once the broker started the bind
                }
              }
            });
    child[0] = startApply();
    assertThat(child[0].waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(killed).isTrue();
    var intent = binding();
    assertThat(intent.inFlight()).isTrue();

    brokerClock.advance(Duration.ofHours(2));
    var resumed = run("apply", "--auto-approve");

    assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
    assertThat(broker.ledger().bindings())
        .extracting(LedgerBinding::id)
        .containsExactly(intent.bindingId());
    assertThat(broker.ledger().instances()).hasSize(1);
    assertThat(JSON.readValue(dir.resolve("out/feed.json").toFile(), Map.class))
        .isEqualTo(broker.ledger().binding(intent.bindingId()).orElseThrow().credentials());
    assertThat(state().inFlight()).isEmpty();
  }

  private Process startApply() throws IOException {
    var builder = ChildApply.of(config, env());
    builder.redirectOutput(dir.resolve("child.out").toFile());
    return builder.start();
  }

  private CliRun run(String... args) {
    var all = new ArrayList<String>(List.of(args[0], "-f", config.toString()));
    all.addAll(List.of(args).subList(1, args.length));
    return CliRun.run(env(), all.toArray(String[]::new));
  }

  private static Map<String, String> env() {
    return Map.of("BROKER_PW", PASSWORD, "CI", "true");
  }

  private State state() {
    return ChildApply.stateIn(dir);
  }

  private BindingState binding() {
    return (BindingState) state().resource(Address.binding("feed-app")).orElseThrow();
  }

  private String bindingPath(BindingState binding) {
    var instance = (InstanceState) state().resource(Address.instance("feed")).orElseThrow();
    return "/streams/v2/service_instances/"
        + instance.instanceId()
        + "/service_bindings/"
        + binding.bindingId();
  }

  private List<String> bindingRequests() {
    synchronized (requests) {
      return requests.stream().filter(r -> r.contains("/service_bindings/")).toList();
    }
  }

  private static String bindingIdIn(java.util.Optional<String> put) {
    var request = put.orElseThrow();
    return request.substring(request.lastIndexOf('/') + 1);
  }
}
