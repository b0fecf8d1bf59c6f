package dev.catalog.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.cli.CliRun;
import dev.catalog.state.BindingState;
import dev.catalog.state.InstanceState;
import dev.catalog.state.State;
import dev.catalog.state.StateStore;
import dev.catalog.state.backend.local.LocalBackend;
import dev.catalog.testbroker.BrokerCatalog;
import dev.catalog.testbroker.LedgerBinding;
import dev.catalog.testbroker.LedgerInstance;
import dev.catalog.testbroker.ReferenceBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code catalog apply} and {@code destroy} end to end against the reference broker: the sync
 * {@code db} and the async {@code queue}, file sinks, and after every apply the broker's ledger
 * equal to the configuration and the state equal to the ledger.
 */
@Timeout(300)
class ApplyLifecycleIT {
  static final String PASSWORD = "apply-it-broker-pw";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private ReferenceBroker broker;
  private Path config;

  @BeforeEach
  void startBroker() {
    // Async operations end at once on the broker's clock; the poller's first wait still passes.
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

  static String yaml(ReferenceBroker broker, String instances, String bindings) {
    return """
        apiVersion: catalog/v1
        brokers:
          - name: data
            url: %s
            auth:
              basic:
                username: admin
                password: { fromEnv: BROKER_PW }
          - name: messaging
            url: %s
            auth:
              basic:
                username: admin
                password: { fromEnv: BROKER_PW }
        instances:
        %s
        bindings:
        %s
        """
        .formatted(
            broker.baseUrl("data"),
            broker.baseUrl("messaging"),
            instances.indent(2),
            bindings.indent(2));
  }

  static String db(String name, String plan, int storage) {
    return """
        - name: %s
          broker: data
          service: db
          plan: %s
          parameters: { storage_gb: %d }
        """
        .formatted(name, plan, storage);
  }

  static String queue(String name) {
    return """
        - name: %s
          broker: messaging
          service: queue
          plan: standard
        """
        .formatted(name);
  }

  static String binding(String name, String instance, String file) {
    return """
        - name: %s
          instance: %s
          credentials:
            file: { path: %s }
        """
        .formatted(name, instance, file);
  }

  private CliRun apply(String instances, String bindings) throws IOException {
    Files.writeString(config, yaml(broker, instances, bindings));
    return run("apply", "--auto-approve");
  }

  private CliRun run(String... args) {
    var all = new String[args.length + 2];
    all[0] = args[0];
    all[1] = "-f";
    all[2] = config.toString();
    System.arraycopy(args, 1, all, 3, args.length - 1);
    return CliRun.run(Map.of("BROKER_PW", PASSWORD), all);
  }

  private State state() {
    return new StateStore(new LocalBackend(dir.resolve("catalog.state.json")), "test")
        .read()
        .state();
  }

  /** The ledger holds exactly what state records, with the same plans and instances. */
  private void assertStateMatchesLedger() {
    var state = state();
    var instances =
        state.resources().values().stream()
            .filter(InstanceState.class::isInstance)
            .map(InstanceState.class::cast)
            .collect(Collectors.toMap(InstanceState::instanceId, i -> i.plan().id()));
    var ledgerInstances =
        broker.ledger().instances().stream()
            .collect(Collectors.toMap(LedgerInstance::id, LedgerInstance::planId));
    assertThat(ledgerInstances).isEqualTo(instances);
    assertThat(broker.ledger().instances())
        .allSatisfy(i -> assertThat(i.status()).isEqualTo(LedgerInstance.Status.READY));
    var bindings =
        state.resources().values().stream()
            .filter(BindingState.class::isInstance)
            .map(BindingState.class::cast)
            .collect(Collectors.toMap(BindingState::bindingId, BindingState::instanceId));
    var ledgerBindings =
        broker.ledger().bindings().stream()
            .collect(Collectors.toMap(LedgerBinding::id, LedgerBinding::instanceId));
    assertThat(ledgerBindings).isEqualTo(bindings);
    assertThat(state.inFlight()).isEmpty();
  }

  private InstanceState instance(String name) {
    return (InstanceState) state().resource(dev.catalog.state.Address.instance(name)).orElseThrow();
  }

  private BindingState bindingState(String name) {
    return (BindingState) state().resource(dev.catalog.state.Address.binding(name)).orElseThrow();
  }

  @Test
  void noWaitLeavesTheAsyncProvisionInFlightAndRefreshAndTheNextApplyFinishIt()
      throws IOException {
    Files.writeString(
        config, yaml(broker, queue("events"), binding("events-app", "events", "out/events.env")));

    var accepted = run("apply", "--auto-approve", "--no-wait");

    assertThat(accepted.exitCode()).as(accepted.out()).isZero();
    assertThat(accepted.out()).contains("instance.events: Still creating").contains("in progress");
    assertThat(state().inFlight()).extracting(r -> r.address().toString())
        .containsExactly("instance.events");
    var refreshed = run("refresh");
    assertThat(refreshed.out()).isEqualTo("instance.events: provision succeeded\n");
    assertThat(state().inFlight()).isEmpty();
    var finished = run("apply", "--auto-approve");
    assertThat(finished.out())
        .endsWith("Apply complete! Resources: 1 added, 0 changed, 0 destroyed.\n");
    assertStateMatchesLedger();
    assertThat(broker.ledger().instances()).hasSize(1);
  }

  @Test
  void applyCreatesUpdatesReplacesRebindsAndDestroysWithTheLedgerMatchingEveryStep()
      throws IOException {
    var bindings =
        binding("orders-app", "orders-db", "out/orders.json")
            + binding("events-app", "events", "out/events.env");

    var created = apply(db("orders-db", "small", 20) + queue("events"), bindings);

    assertThat(created.exitCode()).as(created.err() + created.out()).isZero();
    assertThat(created.out())
        .contains("instance.events: Creation complete")
        .endsWith("Apply complete! Resources: 4 added, 0 changed, 0 destroyed.\n");
    assertStateMatchesLedger();
    assertThat(broker.ledger().instances()).hasSize(2);
    var ordersBinding = broker.ledger().binding(bindingState("orders-app").bindingId()).orElseThrow();
    var delivered = JSON.readTree(dir.resolve("out/orders.json").toFile());
    assertThat(JSON.convertValue(delivered, Map.class)).isEqualTo(ordersBinding.credentials());
    assertThat(bindingState("orders-app").credentialsFingerprint()).isPresent();
    assertThat(Files.readString(dir.resolve("out/events.env"))).isNotEmpty();
    var keys = run("credentials", "binding.orders-app");
    var expectedKeys = new StringBuilder("binding.orders-app (from broker \"data\"):\n");
    delivered.fieldNames().forEachRemaining(k -> expectedKeys.append("  " + k + " = (sensitive)\n"));
    assertThat(keys.out()).isEqualTo(expectedKeys.toString());
    var shown = run("credentials", "binding.orders-app", "--show-secrets");
    delivered
        .fields()
        .forEachRemaining(
            f -> assertThat(shown.out()).contains("  " + f.getKey() + " = " + f.getValue().asText()));
    assertThat(run("credentials", "binding.events-app").out())
        .startsWith("binding.events-app (from the sink):\n");
    // Machine formats (issue 17): JSON with the values only when asked, env only when asked.
    var json = JSON.readTree(run("credentials", "binding.orders-app", "--format", "json").out());
    assertThat(json.path("address").asText()).isEqualTo("binding.orders-app");
    assertThat(json.path("source").asText()).isEqualTo("broker \"data\"");
    delivered
        .fieldNames()
        .forEachRemaining(
            k -> assertThat(json.path("credentials").path(k).asText()).isEqualTo("(sensitive)"));
    var jsonShown =
        JSON.readTree(
            run("credentials", "binding.orders-app", "--format", "json", "--show-secrets").out());
    assertThat(jsonShown.path("credentials")).isEqualTo(delivered);
    var envShown = run("credentials", "binding.events-app", "--format", "env", "--show-secrets");
    assertThat(envShown.out()).isEqualTo(Files.readString(dir.resolve("out/events.env")));
    var envHidden = run("credentials", "binding.events-app", "--format", "env");
    assertThat(envHidden.exitCode()).isEqualTo(1);
    assertThat(envHidden.err())
        .isEqualTo(
            "Error: --format env prints the values, so it needs --show-secrets (without it, every"
                + " value would be (sensitive))\n");

    var unchanged = apply(db("orders-db", "small", 20) + queue("events"), bindings);
    assertThat(unchanged.exitCode()).isZero();
    assertThat(unchanged.out()).endsWith("No changes. Live state matches the configuration.\n");

    var dbId = instance("orders-db").instanceId();
    var resized = apply(db("orders-db", "small", 30) + queue("events"), bindings);
    assertThat(resized.out())
        .endsWith("Apply complete! Resources: 0 added, 1 changed, 0 destroyed.\n");
    assertThat(broker.ledger().instance(dbId).orElseThrow().parameters())
        .containsEntry("storage_gb", 30);
    assertStateMatchesLedger();

    var larger = apply(db("orders-db", "large", 30) + queue("events"), bindings);
    assertThat(larger.out())
        .endsWith("Apply complete! Resources: 0 added, 1 changed, 0 destroyed.\n");
    assertThat(broker.ledger().instance(dbId).orElseThrow().planId())
        .isEqualTo(BrokerCatalog.DB_LARGE_PLAN_ID);
    assertStateMatchesLedger();

    var eventsId = instance("events").instanceId();
    var replaced =
        apply(
            db("orders-db", "large", 30) + db("events", "small", 5),
            binding("orders-app", "orders-db", "out/orders.json")
                + binding("events-app", "events", "out/events.env"));
    assertThat(replaced.exitCode()).as(replaced.err() + replaced.out()).isZero();
    assertThat(replaced.out())
        .contains("instance.events: Destroying...\n")
        .contains("instance.events: Destruction complete after ")
        .contains("instance.events: Replacing...\n")
        .contains("instance.events: Replacement complete after ")
        .endsWith("Apply complete! Resources: 2 added, 0 changed, 2 destroyed.\n");
    assertThat(instance("events").instanceId()).isNotEqualTo(eventsId);
    assertThat(broker.ledger().instance(eventsId)).isEmpty();
    assertStateMatchesLedger();

    var oldBinding = bindingState("orders-app").bindingId();
    var unbound =
        apply(
            db("orders-db", "large", 30) + db("events", "small", 5),
            binding("events-app", "events", "out/events.env"));
    assertThat(unbound.out())
        .endsWith("Apply complete! Resources: 0 added, 0 changed, 1 destroyed.\n");
    assertThat(dir.resolve("out/orders.json")).doesNotExist();
    assertStateMatchesLedger();
    var rebound = apply(db("orders-db", "large", 30) + db("events", "small", 5), bindings
        .replace("out/events.env", "out/events.env"));
    assertThat(rebound.out())
        .endsWith("Apply complete! Resources: 1 added, 0 changed, 0 destroyed.\n");
    assertThat(bindingState("orders-app").bindingId()).isNotEqualTo(oldBinding);
    assertThat(dir.resolve("out/orders.json")).exists();
    assertStateMatchesLedger();

    var destroyed = run("destroy", "--auto-approve");
    assertThat(destroyed.exitCode()).as(destroyed.err() + destroyed.out()).isZero();
    assertThat(destroyed.out())
        .endsWith("Destroy complete! Resources: 4 destroyed.\n");
    assertThat(broker.ledger().instances()).isEmpty();
    assertThat(broker.ledger().bindings()).isEmpty();
    assertThat(state().resources()).isEmpty();
    assertThat(dir.resolve("out/orders.json")).doesNotExist();
    assertThat(dir.resolve("out/events.env")).doesNotExist();
  }
}
