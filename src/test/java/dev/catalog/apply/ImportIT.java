package dev.catalog.apply;

import static dev.catalog.apply.ApplyLifecycleIT.PASSWORD;
import static dev.catalog.apply.ApplyLifecycleIT.binding;
import static dev.catalog.apply.ApplyLifecycleIT.db;
import static dev.catalog.apply.ApplyLifecycleIT.queue;
import static dev.catalog.apply.ApplyLifecycleIT.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.Secret;
import dev.catalog.cli.CliRun;
import dev.catalog.osb.BindRequest;
import dev.catalog.osb.BrokerAuth;
import dev.catalog.osb.BrokerClient;
import dev.catalog.osb.BrokerConnection;
import dev.catalog.osb.HttpTrace;
import dev.catalog.osb.ProvisionRequest;
import dev.catalog.osb.RetryPolicy;
import dev.catalog.osb.Sleeper;
import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import dev.catalog.state.Imported;
import dev.catalog.state.InstanceState;
import dev.catalog.state.State;
import dev.catalog.state.StateStore;
import dev.catalog.state.backend.local.LocalBackend;
import dev.catalog.testbroker.BrokerCatalog;
import dev.catalog.testbroker.FaultInjector;
import dev.catalog.testbroker.ReferenceBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code catalog import} against the reference broker: resources are made at the broker directly
 * through the OSB client (as another platform would have), then adopted. Every import is watched
 * through the broker's request hook, which must see GETs only.
 */
@Timeout(300)
class ImportIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private ReferenceBroker broker;
  private Path config;
  private final List<String> requests = new CopyOnWriteArrayList<>();

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

  private BrokerClient client(String prefix) {
    return BrokerClient.create(
        BrokerConnection.of(
            broker.baseUrl(prefix), BrokerAuth.basic(ReferenceBroker.USERNAME, Secret.of(PASSWORD))),
        HttpTrace.NONE,
        Sleeper.REAL,
        Clock.systemUTC(),
        RetryPolicy.DEFAULT);
  }

  private static ObjectNode legacyContext() {
    return JsonNodeFactory.instance.objectNode().put("platform", "legacy");
  }

  /** Provisions at the broker as another platform would, and returns the instance id. */
  private String provision(String prefix, String service, String plan, Optional<ObjectNode> params) {
    var id = UUID.randomUUID().toString();
    client(prefix)
        .provision(
            id,
            new ProvisionRequest(
                service,
                plan,
                legacyContext(),
                "org",
                "space",
                params.map(p -> (com.fasterxml.jackson.databind.JsonNode) p),
                Optional.empty()));
    return id;
  }

  private String provisionDb(String plan, int storage) {
    return provision(
        "data",
        BrokerCatalog.DB_SERVICE_ID,
        plan,
        Optional.of(JsonNodeFactory.instance.objectNode().put("storage_gb", storage)));
  }

  private String bind(String prefix, String instanceId, String service, String plan) {
    var id = UUID.randomUUID().toString();
    client(prefix).bind(instanceId, id, BindRequest.of(service, plan, legacyContext()));
    return id;
  }

  private void configure(String instances, String bindings) throws IOException {
    Files.writeString(config, yaml(broker, instances, bindings));
  }

  private CliRun run(String... args) {
    var all = new String[args.length + 2];
    all[0] = args[0];
    all[1] = "-f";
    all[2] = config.toString();
    System.arraycopy(args, 1, all, 3, args.length - 1);
    return CliRun.run(Map.of("BROKER_PW", PASSWORD), all);
  }

  /** {@code catalog import}, with every request the broker serves meanwhile in {@link #requests}. */
  private CliRun importing(String... args) {
    requests.clear();
    broker
        .faults()
        .hook(
            new FaultInjector.RequestHook() {
              @Override
              public void beforeWork(int number, String method, String path) {
                requests.add(method + " " + path);
              }

              @Override
              public void afterWork(int number, String method, String path) {}
            });
    try {
      var all = new String[args.length + 1];
      all[0] = "import";
      System.arraycopy(args, 0, all, 1, args.length);
      return run(all);
    } finally {
      broker.faults().hook(null);
    }
  }

  private Path stateFile() {
    return dir.resolve("catalog.state.json");
  }

  private State state() {
    return new StateStore(new LocalBackend(stateFile()), "test").read().state();
  }

  private InstanceState instance(String name) {
    return (InstanceState) state().resource(Address.instance(name)).orElseThrow();
  }

  private BindingState bindingState(String name) {
    return (BindingState) state().resource(Address.binding(name)).orElseThrow();
  }

  @Test
  void anImportedInstanceMatchingTheConfigurationPlansNoChanges() throws IOException {
    var id = provisionDb(BrokerCatalog.DB_SMALL_PLAN_ID, 20);
    configure(db("orders-db", "small", 20), "");

    var imported = importing("instance.orders-db", id);

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out())
        .isEqualTo("Imported instance.orders-db (id " + id + ") from broker data.\n");
    assertThat(imported.err()).isEmpty();
    assertThat(requests)
        .containsExactly("GET /data/v2/catalog", "GET /data/v2/service_instances/" + id);
    var recorded = instance("orders-db");
    assertThat(recorded.instanceId()).isEqualTo(id);
    assertThat(recorded.plan().id()).isEqualTo(BrokerCatalog.DB_SMALL_PLAN_ID);
    assertThat(recorded.parameters().values())
        .isEqualTo(JsonNodeFactory.instance.objectNode().put("storage_gb", 20));
    assertThat(recorded.dashboardUrl()).contains("http://dashboard.example/instances/" + id);
    assertThat(recorded.imported().map(Imported::verified)).contains(true);
    assertThat(recorded.lastOperation()).isEmpty();

    var plan = run("plan", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
    assertThat(plan.out()).isEqualTo("No changes. Live state matches the configuration.\n");
    assertThat(broker.ledger().instances()).hasSize(1);
  }

  @Test
  void anInstanceThatDiffersFromTheConfigurationShowsAnUpdateAndApplyConverges()
      throws IOException {
    var id = provisionDb(BrokerCatalog.DB_LARGE_PLAN_ID, 30);
    configure(db("orders-db", "small", 20), "");

    var imported = importing("instance.orders-db", id);
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(instance("orders-db").plan().name()).isEqualTo("large");

    var plan = run("plan", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.err()).isEqualTo(2);
    assertThat(plan.out())
        .contains("~ instance.orders-db")
        .contains("Plan: 0 to add, 1 to change, 0 to destroy.");
    assertThat(plan.out()).contains("large").contains("30");

    var apply = run("apply", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    var ledger = broker.ledger().instance(id).orElseThrow();
    assertThat(ledger.planId()).isEqualTo(BrokerCatalog.DB_SMALL_PLAN_ID);
    assertThat(ledger.parameters()).isEqualTo(Map.of("storage_gb", 20));
    assertThat(instance("orders-db").imported()).isEmpty();
    assertThat(run("plan", "--detailed-exitcode").exitCode()).isZero();
  }

  @Test
  void anInstanceTheBrokerCannotReadBackIsRecordedUnverifiedFromTheConfiguration()
      throws IOException {
    var id =
        provision(
            "messaging",
            BrokerCatalog.QUEUE_SERVICE_ID,
            BrokerCatalog.QUEUE_STANDARD_PLAN_ID,
            Optional.empty());
    configure(queue("jobs"), "");

    var imported = importing("instance.jobs", id);

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out())
        .isEqualTo(
            "Imported instance.jobs (id "
                + id
                + ") unverified: service \"queue\" of broker messaging does not allow reading"
                + " instances back (instances_retrievable is false), so the configured service,"
                + " plan and parameters were recorded.\n");
    // F-01: no GET of the instance, only the catalog that says so.
    assertThat(requests).containsExactly("GET /messaging/v2/catalog");
    var recorded = instance("jobs");
    assertThat(recorded.plan().id()).isEqualTo(BrokerCatalog.QUEUE_STANDARD_PLAN_ID);
    assertThat(recorded.imported().map(Imported::verified)).contains(false);
    assertThat(Files.readString(stateFile()))
        .contains("\"imported\": {")
        .contains("\"verified\": false");

    var plan = run("plan", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
    assertThat(plan.out())
        .contains(
            "instance.jobs: imported unverified at "
                + recorded.imported().orElseThrow().at()
                + " (its broker does not allow reading it back): plan assumes it matches the"
                + " configuration");
  }

  @Test
  void anIdTheBrokerDoesNotKnowIsAnErrorAndLeavesStateUntouched() throws IOException {
    configure(db("orders-db", "small", 20), "");
    var unknown = UUID.randomUUID().toString();

    var imported = importing("instance.orders-db", unknown);

    assertThat(imported.exitCode()).isEqualTo(1);
    assertThat(imported.out()).isEmpty();
    assertThat(imported.err())
        .isEqualTo(
            "Error: instance.orders-db: broker \"data\" has no instance "
                + unknown
                + " (404: absent, or still being provisioned); state is unchanged\n");
    assertThat(stateFile()).doesNotExist();
    assertThat(requests).allSatisfy(r -> assertThat(r).startsWith("GET "));
  }

  @Test
  void anAddressTheConfigurationDoesNotDeclareIsRefusedBeforeAnythingIsSent()
      throws IOException {
    var id = provisionDb(BrokerCatalog.DB_SMALL_PLAN_ID, 20);
    configure(db("orders-db", "small", 20), "");

    var imported = importing("instance.billing-db", id);

    assertThat(imported.exitCode()).isEqualTo(1);
    assertThat(imported.err())
        .isEqualTo(
            "Error: instance.billing-db is not declared in the configuration: declare it first,"
                + " so catalog knows what it should be\n");
    assertThat(requests).isEmpty();
    assertThat(stateFile()).doesNotExist();
  }

  @Test
  void anAddressAlreadyInStateIsRefusedAndTheStateKept() throws IOException {
    var id = provisionDb(BrokerCatalog.DB_SMALL_PLAN_ID, 20);
    configure(db("orders-db", "small", 20), "");
    assertThat(importing("instance.orders-db", id).exitCode()).isZero();
    var before = Files.readString(stateFile());

    var again = importing("instance.orders-db", provisionDb(BrokerCatalog.DB_SMALL_PLAN_ID, 20));

    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err())
        .isEqualTo(
            "Error: instance.orders-db is already in state local:"
                + stateFile()
                + " (id "
                + id
                + "): to import it again, first forget it with 'catalog state rm"
                + " instance.orders-db'\n");
    assertThat(requests).isEmpty();
    assertThat(Files.readString(stateFile())).isEqualTo(before);
  }

  @Test
  void anImportedBindingsCredentialsGoToItsFileSinkAndNowhereElse() throws IOException {
    var instanceId = provisionDb(BrokerCatalog.DB_SMALL_PLAN_ID, 20);
    var bindingId =
        bind("data", instanceId, BrokerCatalog.DB_SERVICE_ID, BrokerCatalog.DB_SMALL_PLAN_ID);
    var sink = dir.resolve("orders-app.json");
    configure(db("orders-db", "small", 20), binding("orders-app", "orders-db", sink.toString()));
    assertThat(importing("instance.orders-db", instanceId).exitCode()).isZero();

    var imported = importing("--verbose", "binding.orders-app", bindingId);

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out())
        .isEqualTo(
            "Imported binding.orders-app (id "
                + bindingId
                + ") from broker data; its credentials were written to file "
                + sink
                + ".\n");
    assertThat(requests)
        .containsExactly(
            "GET /data/v2/catalog",
            "GET /data/v2/service_instances/" + instanceId + "/service_bindings/" + bindingId);
    var credentials = broker.ledger().binding(bindingId).orElseThrow().credentials();
    assertThat(JSON.readValue(sink.toFile(), Map.class)).isEqualTo(credentials);
    var recorded = bindingState("orders-app");
    assertThat(recorded.credentialsFingerprint()).hasValueSatisfying(f -> assertThat(f)
        .startsWith("hmac-sha256:"));
    assertThat(recorded.sink().map(ImportReads::describe)).contains("file " + sink);
    assertThat(recorded.imported().map(Imported::verified)).contains(true);

    var plan = run("plan", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
    var everythingButTheSink = new StringBuilder(imported.out() + imported.err() + plan.out());
    try (var files = Files.list(dir)) {
      for (var file : files.filter(f -> !f.equals(sink)).toList()) {
        everythingButTheSink.append(Files.readString(file));
      }
    }
    for (var value : credentials.values()) {
      assertThat(everythingButTheSink.toString()).doesNotContain(value.toString());
    }
    assertThat(imported.err()).contains("GET ").doesNotContain("PUT ");
  }

  @Test
  void aBindingTheBrokerCannotReadBackIsRecordedWithoutCredentialsAndItsSinkLeftAlone()
      throws IOException {
    var instanceId =
        provision(
            "messaging",
            BrokerCatalog.QUEUE_SERVICE_ID,
            BrokerCatalog.QUEUE_STANDARD_PLAN_ID,
            Optional.empty());
    var bindingId =
        bind(
            "messaging",
            instanceId,
            BrokerCatalog.QUEUE_SERVICE_ID,
            BrokerCatalog.QUEUE_STANDARD_PLAN_ID);
    var sink = dir.resolve("jobs-app.json");
    configure(queue("jobs"), binding("jobs-app", "jobs", sink.toString()));
    assertThat(importing("instance.jobs", instanceId).exitCode()).isZero();

    var imported = importing("binding.jobs-app", bindingId);

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out())
        .isEqualTo(
            "Note: binding.jobs-app: its sink was left as it is. catalog cannot obtain the"
                + " credentials of this binding; to get new ones, remove it from the configuration"
                + " and apply (unbind), then declare it again and apply (bind).\n"
                + "Imported binding.jobs-app (id "
                + bindingId
                + ") unverified: service \"queue\" of broker messaging does not allow reading"
                + " bindings back (bindings_retrievable is false), so the configured parameters"
                + " were recorded and no credentials were delivered.\n");
    assertThat(requests).containsExactly("GET /messaging/v2/catalog");
    assertThat(sink).doesNotExist();
    var recorded = bindingState("jobs-app");
    assertThat(recorded.credentialsFingerprint()).isEmpty();
    assertThat(recorded.sink()).isEmpty();
    assertThat(recorded.imported().map(Imported::verified)).contains(false);
  }

  @Test
  void anUnknownBindingIdIsAnErrorAndNeitherStateNorSinkChange() throws IOException {
    var instanceId = provisionDb(BrokerCatalog.DB_SMALL_PLAN_ID, 20);
    var sink = dir.resolve("orders-app.json");
    configure(db("orders-db", "small", 20), binding("orders-app", "orders-db", sink.toString()));
    assertThat(importing("instance.orders-db", instanceId).exitCode()).isZero();
    var before = Files.readString(stateFile());
    var unknown = UUID.randomUUID().toString();

    var imported = importing("binding.orders-app", unknown);

    assertThat(imported.exitCode()).isEqualTo(1);
    assertThat(imported.err())
        .isEqualTo(
            "Error: binding.orders-app: broker \"data\" has no binding "
                + unknown
                + " of instance "
                + instanceId
                + " (404: absent, or still being created); state is unchanged\n");
    assertThat(Files.readString(stateFile())).isEqualTo(before);
    assertThat(sink).doesNotExist();
    assertThat(requests).allSatisfy(r -> assertThat(r).startsWith("GET "));
  }
}
