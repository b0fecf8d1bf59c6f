package dev.catalog.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import dev.catalog.state.InstanceState;
import dev.catalog.state.LastOperation;
import dev.catalog.state.OfferingRef;
import dev.catalog.state.OperationState;
import dev.catalog.state.OperationType;
import dev.catalog.state.RecordedParameters;
import dev.catalog.state.ResourceState;
import dev.catalog.state.SinkDescription;
import dev.catalog.state.State;
import dev.catalog.state.StateCodec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes a synthetic catalog for benchmarks (issue 7): {@code catalog.yaml} with N instances over
 * B brokers and 2 bindings per instance, the matching {@code catalog.state.json} (so a plan
 * without refresh is a no-op), and {@code broker-seed.json}, the instances the {@link
 * FastBroker} serves back so a plan with refresh is a no-op too.
 *
 * <p>Usage: {@code CatalogGenerator DIR INSTANCES BROKERS BROKER_URL [--no-state]
 * [--no-bindings] [--secrets NAMESPACE]}; broker K is served at {@code BROKER_URL/bK}. {@code
 * --no-bindings} declares instances only (the apply scenario times instance operations). {@code
 * --secrets NAMESPACE} delivers every binding's credentials to a Kubernetes Secret in NAMESPACE
 * and leaves the bindings out of the state, so an apply creates exactly them (the Secret
 * scenario, issue 18).
 */
public final class CatalogGenerator {
  static final String SERVICE_ID = "svc-db";
  static final String PLAN_ID = "plan-small";
  private static final Instant STARTED = Instant.parse("2026-11-21T06:00:00Z");
  private static final String[] TEAMS = {"shop", "billing", "search", "identity", "payments"};

  private CatalogGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 4) {
      System.err.println(
          "usage: CatalogGenerator DIR INSTANCES BROKERS BROKER_URL [--no-state] [--no-bindings]"
              + " [--secrets NAMESPACE]");
      System.exit(1);
    }
    var dir = Path.of(args[0]);
    int instances = Integer.parseInt(args[1]);
    int brokers = Integer.parseInt(args[2]);
    var flags = List.of(args).subList(4, args.length);
    boolean withState = !flags.contains("--no-state");
    int bindingsPerInstance = flags.contains("--no-bindings") ? 0 : 2;
    int secrets = flags.indexOf("--secrets");
    String secretNamespace = secrets < 0 ? null : flags.get(secrets + 1);
    Files.createDirectories(dir);
    writeYaml(
        dir.resolve("catalog.yaml"), instances, brokers, args[3], bindingsPerInstance,
        secretNamespace);
    if (withState) {
      writeState(dir.resolve("catalog.state.json"), instances, brokers, secretNamespace == null);
      writeSeed(dir.resolve("broker-seed.json"), instances);
    }
  }

  static String broker(int i, int brokers) {
    return "b" + (i % brokers);
  }

  static String instanceId(int i) {
    return UUID.nameUUIDFromBytes(("instance-" + i).getBytes()).toString();
  }

  static String bindingId(int i, int b) {
    return UUID.nameUUIDFromBytes(("binding-" + i + "-" + b).getBytes()).toString();
  }

  /** Realistic parameters: scalars, an array and a nested object. */
  static ObjectNode parameters(int i) {
    var p = JsonNodeFactory.instance.objectNode();
    p.put("storage_gb", 10 + i % 90);
    p.put("region", i % 2 == 0 ? "eu-1" : "us-2");
    p.put("version", "15." + (i % 4));
    p.putArray("extensions").add("pgcrypto").add(i % 3 == 0 ? "postgis" : "uuid-ossp");
    var backup = p.putObject("backup");
    backup.put("enabled", true);
    backup.put("retention_days", 7 + i % 23);
    backup.put("window", "0" + (i % 6) + ":00-0" + (i % 6 + 1) + ":00");
    return p;
  }

  static String team(int i) {
    return TEAMS[i % TEAMS.length];
  }

  private static void writeYaml(
      Path file,
      int instances,
      int brokers,
      String url,
      int bindingsPerInstance,
      String secretNamespace)
      throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      w.write("apiVersion: catalog/v1\nbackend:\n  type: local\n  path: catalog.state.json\n");
      w.write("brokers:\n");
      for (int b = 0; b < brokers; b++) {
        w.write("  - name: b" + b + "\n    url: " + url + "/b" + b + "\n");
        w.write("    apiVersion: \"2.17\"\n    timeouts: { connect: 5s, request: 60s }\n");
      }
      w.write("instances:\n");
      var mapper = new ObjectMapper();
      for (int i = 0; i < instances; i++) {
        w.write("  - name: db-" + i + "\n    broker: " + broker(i, brokers) + "\n");
        w.write("    service: db\n    plan: small\n");
        w.write("    parameters: " + mapper.writeValueAsString(parameters(i)) + "\n");
        w.write("    context: { namespace: " + team(i) + " }\n");
      }
      if (bindingsPerInstance == 0) {
        return;
      }
      w.write("bindings:\n");
      for (int i = 0; i < instances; i++) {
        for (int b = 0; b < bindingsPerInstance; b++) {
          w.write("  - name: db-" + i + "-app" + b + "\n    instance: db-" + i + "\n");
          if (secretNamespace == null) {
            w.write("    credentials:\n      file: { path: out/db-" + i + "-app" + b + ".json }\n");
          } else {
            w.write("    credentials:\n      secret: { namespace: " + secretNamespace);
            w.write(", name: db-" + i + "-app" + b + " }\n");
          }
        }
      }
    }
  }

  private static void writeState(Path file, int instances, int brokers, boolean withBindings)
      throws IOException {
    var resources = new TreeMap<Address, ResourceState>();
    var service = new OfferingRef(SERVICE_ID, "db");
    var plan = new OfferingRef(PLAN_ID, "small");
    for (int i = 0; i < instances; i++) {
      var context = JsonNodeFactory.instance.objectNode();
      context.put("platform", "catalog").put("instance_name", "db-" + i);
      context.put("namespace", team(i));
      var instance =
          new InstanceState(
              Address.instance("db-" + i),
              instanceId(i),
              broker(i, brokers),
              service,
              plan,
              new RecordedParameters(parameters(i), List.of(), Optional.empty()),
              context,
              Optional.empty(),
              Optional.empty(),
              Optional.of(succeeded(OperationType.PROVISION)),
              List.of(),
              Optional.empty());
      resources.put(instance.address(), instance);
      for (int b = 0; withBindings && b < 2; b++) {
        var name = "db-" + i + "-app" + b;
        var binding =
            new BindingState(
                Address.binding(name),
                bindingId(i, b),
                instance.address(),
                instance.instanceId(),
                instance.broker(),
                service,
                plan,
                RecordedParameters.NONE,
                context,
                Optional.of("hmac-sha256:00ff"),
                Optional.of(new SinkDescription.File("out/" + name + ".json")),
                Optional.of(succeeded(OperationType.BIND)),
                List.of(),
                Optional.empty());
        resources.put(binding.address(), binding);
      }
    }
    var empty = State.empty(UUID.nameUUIDFromBytes("bench".getBytes()), "bench");
    var state =
        new State(
            empty.lineage(), 1, empty.toolVersion(), empty.brokers(), resources);
    Files.write(file, new StateCodec().encode(state));
  }

  private static LastOperation succeeded(OperationType type) {
    return new LastOperation(
        type, OperationState.SUCCEEDED, Optional.empty(), STARTED, Optional.empty());
  }

  private static void writeSeed(Path file, int instances) throws IOException {
    var seed = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < instances; i++) {
      seed.set(instanceId(i), (JsonNode) parameters(i));
    }
    new ObjectMapper().writeValue(file.toFile(), seed);
  }
}
