package dev.catalog.apply;

import dev.catalog.config.ConfigLoader;
import dev.catalog.osb.PollingPolicy;
import dev.catalog.plan.LiveResource;
import dev.catalog.plan.Plan;
import dev.catalog.plan.PlanFixtures;
import dev.catalog.plan.Refreshed;
import dev.catalog.plan.TestCatalogs;
import dev.catalog.sink.CredentialSinks;
import dev.catalog.sink.FingerprintKey;
import dev.catalog.state.Address;
import dev.catalog.state.ManualClock;
import dev.catalog.state.ResourceState;
import dev.catalog.state.Snapshot;
import dev.catalog.state.State;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The apply engine wired to an {@link InMemoryBroker}, with no HTTP (issue 12): a configuration of
 * instance.db and binding.app (credentials to a file), planned by the real planner against an
 * in-code catalog, applied by the real {@link Applier}, state kept in memory. A new engine has
 * applied that configuration once, so state records both and the broker holds both.
 */
final class Engine {
  static final Address DB = Address.instance("db");
  static final Address APP = Address.binding("app");

  /** What the configuration declares. */
  enum Declared {
    BOTH("", ""),
    INSTANCE_ONLY("", null),
    NOTHING(null, null),
    INSTANCE_RESIZED("\n    parameters: { storage_gb: 30 }", ""),
    BINDING_CHANGED("", "\n    parameters: { role: read }");

    private final String instance;
    private final String binding;

    Declared(String instance, String binding) {
      this.instance = instance;
      this.binding = binding;
    }

    String yaml() {
      var yaml = new StringBuilder("apiVersion: catalog/v1\n");
      yaml.append("brokers:\n  - name: acme\n    url: http://127.0.0.1:1/acme\n");
      if (instance != null) {
        yaml.append("instances:\n  - name: db\n    broker: acme\n    service: db\n")
            .append("    plan: small")
            .append(instance)
            .append('\n');
      }
      if (binding != null) {
        yaml.append("bindings:\n  - name: app\n    instance: db")
            .append(binding)
            .append("\n    credentials: { file: { path: out/app.json } }\n");
      }
      return yaml.toString();
    }
  }

  /** How one apply or settlement went. */
  record Run(ApplyResult result, State state, List<String> requests, List<String> said) {
    Optional<ResourceState> recorded(Address address) {
      return state.resource(address);
    }
  }

  final InMemoryBroker broker = new InMemoryBroker();
  final ManualClock clock = new ManualClock(Instant.parse("2026-12-08T01:00:00Z"));
  private final Path dir;
  private final Map<Address, LiveResource> live = new HashMap<>();
  private State state = PlanFixtures.empty();
  private final String instanceId;
  private final String bindingId;

  Engine(Path dir) {
    this.dir = dir;
    var first = apply(Declared.BOTH, true);
    if (!first.result().succeeded()) {
      throw new AssertionError("the first apply failed: " + first.result());
    }
    instanceId = first.recorded(DB).orElseThrow().osbId();
    bindingId = first.recorded(APP).orElseThrow().osbId();
    broker.clearRequests();
  }

  /** The state as recorded now. */
  State state() {
    return state;
  }

  /** Changes the recorded state (an earlier run's leftovers) before the next run. */
  Engine record(UnaryOperator<State> change) {
    state = change.apply(state);
    return this;
  }

  /** Makes the next plan's refresh find {@code address} gone at its broker. */
  Engine goneAtBroker(Address address) {
    live.put(address, LiveResource.unread(address, LiveResource.Status.GONE, ""));
    return this;
  }

  /**
   * Plans {@code declared} against the recorded state and applies it; {@code wait}: not --no-wait.
   */
  Run apply(Declared declared, boolean wait) {
    var plan = plan(declared);
    try (var recorder = new StateRecorder(new Snapshot(state, Optional.empty()), Engine::write);
        var sinks = new CredentialSinks(context -> noKubernetes())) {
      var services =
          new ApplyServices(
              name -> Optional.of(broker),
              recorder,
              sinks,
              FingerprintKey.choose(Map.of(), state.lineage()),
              clock,
              duration -> clock.advance(duration),
              PollingPolicy.DEFAULT,
              wait);
      var result =
          new Applier(1, clock, services)
              .apply(plan, state, ApplyListener.NONE, new CancellationToken());
      state = recorder.current().state();
      return new Run(result, state, named(broker.requests()), List.of());
    }
  }

  /** Settles the operations recorded as in flight, as {@code catalog refresh} does. */
  Run settle() {
    var said = new ArrayList<String>();
    try (var sinks = new CredentialSinks(context -> noKubernetes())) {
      state = new InFlightSettlement(name -> Optional.of(broker), sinks, said::add).settle(state);
    }
    return new Run(new ApplyResult(List.of(), false), state, named(broker.requests()), said);
  }

  /** The file the binding's credentials are delivered to. */
  Path credentialsFile() {
    return dir.resolve("out/app.json");
  }

  String instanceId() {
    return instanceId;
  }

  String bindingId() {
    return bindingId;
  }

  private Plan plan(Declared declared) {
    var file = dir.resolve("catalog.yaml");
    try {
      Files.writeString(file, declared.yaml());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var config = new ConfigLoader(Map.of()).load(List.of(file));
    var refreshed = new Refreshed(Map.of("acme", TestCatalogs.acme()), live, List.of(), true);
    live.clear();
    return PlanFixtures.planner().plan(config, state, refreshed, List.of(), new ArrayList<>());
  }

  /** The requests with the first run's ids as {@code db} and {@code app}, and new ones as NEW. */
  private List<String> named(List<String> requests) {
    return requests.stream()
        .map(
            r -> {
              var parts = r.split(" ");
              var id = parts[1];
              var name = id.equals(instanceId) ? "db" : id.equals(bindingId) ? "app" : "NEW";
              return parts[0] + " " + name;
            })
        .toList();
  }

  private static Snapshot write(Snapshot base, State next) {
    return new Snapshot(
        next.withSerial(base.state().serial() + 1, next.toolVersion()), Optional.empty());
  }

  private static io.fabric8.kubernetes.client.KubernetesClient noKubernetes() {
    throw new IllegalStateException("no Kubernetes in the engine's unit tests");
  }
}
