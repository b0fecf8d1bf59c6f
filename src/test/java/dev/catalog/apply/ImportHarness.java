package dev.catalog.apply;

import static dev.catalog.apply.ApplyLifecycleIT.PASSWORD;
import static dev.catalog.apply.ApplyLifecycleIT.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.Secret;
import dev.catalog.Sleeper;
import dev.catalog.cli.CliRun;
import dev.catalog.osb.BindRequest;
import dev.catalog.osb.BrokerAuth;
import dev.catalog.osb.BrokerClient;
import dev.catalog.osb.BrokerConnection;
import dev.catalog.osb.HttpTrace;
import dev.catalog.osb.ProvisionRequest;
import dev.catalog.osb.RetryPolicy;
import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import dev.catalog.state.InstanceState;
import dev.catalog.state.State;
import dev.catalog.state.StateStore;
import dev.catalog.state.backend.local.LocalBackend;
import dev.catalog.testbroker.BrokerCatalog;
import dev.catalog.testbroker.FaultInjector.Timing;
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
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The set-up of the import ITs: a reference broker on which resources are made directly through the
 * OSB client (as another platform would have made them), a configuration file, and {@code catalog
 * import} runs during which every request the broker serves is recorded.
 */
final class ImportHarness implements AutoCloseable {
  private final Path dir;
  private final ReferenceBroker broker;
  private final Path config;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Map<String, String> environment = new HashMap<>(Map.of("BROKER_PW", PASSWORD));
  private int failingReads;

  private ImportHarness(Path dir, ReferenceBroker broker) {
    this.dir = dir;
    this.broker = broker;
    this.config = dir.resolve("catalog.yaml");
  }

  /** Starts a broker whose async operations end at once, for a configuration in {@code dir}. */
  static ImportHarness start(Path dir) {
    return new ImportHarness(
        dir,
        ReferenceBroker.start(
            new ReferenceBroker.Options(
                "127.0.0.1", 0, PASSWORD, Clock.systemUTC(), Duration.ZERO)));
  }

  @Override
  public void close() {
    broker.close();
  }

  Path dir() {
    return dir;
  }

  ReferenceBroker broker() {
    return broker;
  }

  /** The requests the broker served during the last {@link #importing} run: "METHOD /path". */
  List<String> requests() {
    return List.copyOf(requests);
  }

  private BrokerClient client(String prefix) {
    return BrokerClient.create(
        BrokerConnection.of(
            broker.baseUrl(prefix),
            BrokerAuth.basic(ReferenceBroker.USERNAME, Secret.of(PASSWORD))),
        HttpTrace.NONE,
        Sleeper.REAL,
        Clock.systemUTC(),
        RetryPolicy.DEFAULT);
  }

  private static ObjectNode legacyContext() {
    return JsonNodeFactory.instance.objectNode().put("platform", "legacy");
  }

  /** Provisions at the broker behind {@code prefix} and returns the new instance id. */
  String provision(String prefix, String service, String plan, Optional<JsonNode> params) {
    var id = UUID.randomUUID().toString();
    client(prefix)
        .provision(
            id,
            new ProvisionRequest(
                service, plan, legacyContext(), "org", "space", params, Optional.empty()));
    return id;
  }

  /** A {@code db} instance of broker {@code data} with {@code storage_gb}. */
  String provisionDb(String plan, int storage) {
    return provision(
        "data",
        BrokerCatalog.DB_SERVICE_ID,
        plan,
        Optional.of(JsonNodeFactory.instance.objectNode().put("storage_gb", storage)));
  }

  /** A {@code queue} instance of broker {@code messaging} (not retrievable). */
  String provisionQueue() {
    return provision(
        "messaging",
        BrokerCatalog.QUEUE_SERVICE_ID,
        BrokerCatalog.QUEUE_STANDARD_PLAN_ID,
        Optional.empty());
  }

  /** Binds at the broker and returns the new binding id. */
  String bind(String prefix, String instanceId, String service, String plan) {
    var id = UUID.randomUUID().toString();
    client(prefix).bind(instanceId, id, BindRequest.of(service, plan, legacyContext()));
    return id;
  }

  /** Binds a {@code db} instance of broker {@code data} with these parameters. */
  String bindDb(String instanceId, JsonNode parameters) {
    var id = UUID.randomUUID().toString();
    var request =
        BindRequest.of(BrokerCatalog.DB_SERVICE_ID, BrokerCatalog.DB_SMALL_PLAN_ID, legacyContext())
            .withParameters(parameters);
    client("data").bind(instanceId, id, request);
    return id;
  }

  /** Adds a variable to the environment of every later {@code catalog} run. */
  void environment(String name, String value) {
    environment.put(name, value);
  }

  void configure(String instances, String bindings) throws IOException {
    Files.writeString(config, yaml(broker, instances, bindings));
  }

  /** {@code catalog COMMAND -f CONFIG ARGS...} with the broker password in the environment. */
  CliRun run(String... args) {
    var all = new String[args.length + 2];
    all[0] = args[0];
    all[1] = "-f";
    all[2] = config.toString();
    System.arraycopy(args, 1, all, 3, args.length - 1);
    return CliRun.run(Map.copyOf(environment), all);
  }

  /**
   * Makes the broker answer 500 to the next {@code count} GETs after the next import's catalog
   * read, so the resource's read fails (the faulted requests do not reach {@link #requests}).
   */
  void failReadsAfterCatalog(int count) {
    failingReads = count;
  }

  /** {@code catalog import ARGS...}, recording every request the broker serves meanwhile. */
  CliRun importing(String... args) {
    requests.clear();
    broker
        .faults()
        .hook(
            new FaultInjector.RequestHook() {
              @Override
              public void beforeWork(int number, String method, String path) {
                requests.add(method + " " + path);
                if (path.endsWith("/v2/catalog") && failingReads > 0) {
                  broker.faults().failNext(failingReads, "GET", 500, Timing.BEFORE_WORK);
                  failingReads = 0;
                }
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

  Path stateFile() {
    return dir.resolve("catalog.state.json");
  }

  State state() {
    return new StateStore(new LocalBackend(stateFile()), "test").read().state();
  }

  InstanceState instance(String name) {
    return (InstanceState) state().resource(Address.instance(name)).orElseThrow();
  }

  BindingState bindingState(String name) {
    return (BindingState) state().resource(Address.binding(name)).orElseThrow();
  }
}
