package dev.catalog.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.catalog.config.CatalogConfig;
import dev.catalog.config.ConfigLoader;
import dev.catalog.config.SecretResolver;
import dev.catalog.plan.LiveResource.Status;
import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import dev.catalog.state.Fingerprint;
import dev.catalog.state.InstanceState;
import dev.catalog.state.LastOperation;
import dev.catalog.state.OfferingRef;
import dev.catalog.state.OperationState;
import dev.catalog.state.OperationType;
import dev.catalog.state.RecordedParameters;
import dev.catalog.state.State;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Configurations, states and live data that make plans without a network, for tests. */
public final class PlanFixtures {
  /** The secret behind {@code parametersFrom} of instance.new-db: must never be printed. */
  public static final String SECRET = "hunter2-never-printed";

  public static final String LINEAGE = "6f1c2a4e-0000-4000-8000-000000000001";
  static final byte[] KEY = Fingerprint.keyFor(LINEAGE);
  static final OfferingRef DB = new OfferingRef("svc-db", "db");
  static final OfferingRef SMALL = new OfferingRef("plan-db-small", "small");
  static final OfferingRef CACHE = new OfferingRef("svc-cache", "cache");
  static final OfferingRef BASIC = new OfferingRef("plan-cache-basic", "basic");

  private PlanFixtures() {}

  /** A loaded configuration from {@code src/test/resources/dev/catalog/plan/NAME}. */
  public static CatalogConfig config(String name) {
    return new ConfigLoader(Map.of()).load(List.of(resource(name)));
  }

  static Path resource(String name) {
    return Path.of("src/test/resources/dev/catalog/plan", name);
  }

  /** A planner whose parametersFrom secrets come from a fixed environment; no broker clients. */
  public static Planner planner() {
    var env = Map.of("NEW_DB_SECRET", "{\"admin_password\": \"" + SECRET + "\"}");
    var secrets =
        new SecretResolver(
            env,
            () -> {
              throw new IllegalStateException("no Kubernetes in unit tests");
            });
    return new Planner(name -> Optional.empty(), secrets::resolveObject);
  }

  /** The plan of all-actions.yaml: every action and reason, drift, and a note. */
  public static Plan allActions(List<Address> targets) {
    var state =
        empty()
            .with(instance("resized", "acme", DB, SMALL, "{\"storage_gb\": 20}", "1.1.0"))
            .with(instance("moved", "acme", DB, SMALL, "{}", "1.1.0"))
            .with(instance("switched", "acme", DB, SMALL, "{}", "1.1.0"))
            .with(instance("fixed-plan", "acme", CACHE, BASIC, "{}", null))
            .with(instance("upgraded", "acme", DB, SMALL, "{}", "1.0.0"))
            .with(instance("ctx", "acme", DB, SMALL, "{}", "1.1.0"))
            .with(instance("gone", "acme", DB, SMALL, "{}", "1.1.0"))
            .with(instance("drifted", "acme", DB, SMALL, "{\"storage_gb\": 20}", "1.1.0"))
            .with(instance("same", "acme", DB, SMALL, "{}", "1.1.0"))
            .with(instance("old", "acme", DB, SMALL, "{\"storage_gb\": 5}", "1.1.0"))
            .with(binding("moved-app", "moved", DB, SMALL, "{}"))
            .with(binding("params-app", "resized", DB, SMALL, "{\"role\": \"read\"}"))
            .with(binding("same-app", "same", DB, SMALL, "{}"))
            .with(binding("old-app", "old", DB, SMALL, "{}"));
    var live = new HashMap<Address, LiveResource>();
    state.resources().values().forEach(r -> live.put(r.address(), found(r)));
    live.put(
        Address.instance("gone"), LiveResource.unread(Address.instance("gone"), Status.GONE, ""));
    live.put(
        Address.instance("drifted"),
        new LiveResource(
            Address.instance("drifted"),
            Status.FOUND,
            Optional.of("plan-db-small"),
            Optional.of(RecordedFixture.json("{\"storage_gb\": 30}")),
            Optional.empty(),
            ""));
    var note =
        "instance.fixed-plan: broker \"acme\" does not support fetching instances of service"
            + " \"cache\": drift in plan and parameters cannot be seen";
    live.put(
        Address.instance("fixed-plan"),
        LiveResource.unread(Address.instance("fixed-plan"), Status.NOT_RETRIEVABLE, note));
    var refreshed = new Refreshed(TestCatalogs.both(), live, List.of(note), true);
    return planner().plan(config("all-actions.yaml"), state, refreshed, targets, List.of());
  }

  /** The plan of no-changes.yaml: everything recorded and unchanged. */
  public static Plan noChanges() {
    var state =
        empty()
            .with(instance("same", "acme", DB, SMALL, "{}", "1.1.0"))
            .with(binding("same-app", "same", DB, SMALL, "{}"));
    var live = new HashMap<Address, LiveResource>();
    state.resources().values().forEach(r -> live.put(r.address(), found(r)));
    var refreshed = new Refreshed(Map.of("acme", TestCatalogs.acme()), live, List.of(), true);
    return planner().plan(config("no-changes.yaml"), state, refreshed, List.of(), List.of());
  }

  /** An empty state of the fixture lineage. */
  public static State empty() {
    return State.empty(UUID.fromString(LINEAGE), "test");
  }

  static InstanceState instance(
      String name,
      String broker,
      OfferingRef service,
      OfferingRef plan,
      String parameters,
      String maintenance) {
    return new InstanceState(
        Address.instance(name),
        "id-" + name,
        broker,
        service,
        plan,
        RecordedParameters.of(RecordedFixture.json(parameters), List.of(), KEY),
        RecordedFixture.context(name),
        Optional.ofNullable(maintenance),
        Optional.empty(),
        Optional.of(done(OperationType.PROVISION)),
        List.of(),
        Optional.empty());
  }

  static BindingState binding(
      String name, String instance, OfferingRef service, OfferingRef plan, String parameters) {
    return new BindingState(
        Address.binding(name),
        "id-" + name,
        Address.instance(instance),
        "id-" + instance,
        "acme",
        service,
        plan,
        RecordedParameters.of(RecordedFixture.json(parameters), List.of(), KEY),
        RecordedFixture.context(instance),
        Optional.empty(),
        Optional.empty(),
        Optional.of(done(OperationType.BIND)),
        List.of(),
        Optional.empty());
  }

  /** What a broker returns for a record it still holds unchanged. */
  static LiveResource found(dev.catalog.state.ResourceState r) {
    JsonNode params =
        r instanceof InstanceState i
            ? i.parameters().values()
            : ((BindingState) r).parameters().values();
    var plan = r instanceof InstanceState i ? Optional.of(i.plan().id()) : Optional.<String>empty();
    return new LiveResource(
        r.address(),
        Status.FOUND,
        plan,
        Optional.of(params == null ? JsonNodeFactory.instance.objectNode() : params),
        Optional.empty(),
        "");
  }

  static LastOperation done(OperationType type) {
    return new LastOperation(
        type,
        OperationState.SUCCEEDED,
        Optional.empty(),
        RecordedFixture.STARTED,
        Optional.empty());
  }
}
