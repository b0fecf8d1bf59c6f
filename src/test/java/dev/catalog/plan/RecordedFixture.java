package dev.catalog.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.config.ConfigObject;
import dev.catalog.config.Location;
import dev.catalog.osb.BindRequest;
import dev.catalog.osb.BrokerClient;
import dev.catalog.osb.ProvisionRequest;
import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import dev.catalog.state.BrokerRecord;
import dev.catalog.state.Fingerprint;
import dev.catalog.state.InstanceState;
import dev.catalog.state.LastOperation;
import dev.catalog.state.OfferingRef;
import dev.catalog.state.OperationState;
import dev.catalog.state.OperationType;
import dev.catalog.state.RecordedParameters;
import dev.catalog.state.StateStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sets up recorded state the way apply will record it (apply is issue 6): provisions and binds
 * through the OSB client, then writes the records through {@link StateStore}.
 */
final class RecordedFixture {
  static final Instant STARTED = Instant.parse("2026-01-02T03:04:05Z");

  private final BrokerClient client;
  private final StateStore store;
  private final String broker;

  RecordedFixture(BrokerClient client, StateStore store, String broker) {
    this.client = client;
    this.store = store;
    this.broker = broker;
  }

  /** The context apply sends for an instance with no declared context. */
  static ObjectNode context(String instance) {
    return OsbContext.of(instance, ConfigObject.empty("context", new Location("x", 1, 1)));
  }

  /** Provisions an instance and records it; returns its instance_id. */
  String instance(
      String name,
      OfferingRef service,
      OfferingRef plan,
      ObjectNode parameters,
      Optional<String> maintenance) {
    var id = UUID.randomUUID().toString();
    client.provision(
        id,
        new ProvisionRequest(
            service.id(),
            plan.id(),
            context(name),
            "catalog",
            "catalog",
            Optional.of(parameters),
            maintenance));
    store.update(
        state -> {
          var key = Fingerprint.keyFor(state.lineage());
          var recorded =
              new InstanceState(
                  Address.instance(name),
                  id,
                  broker,
                  service,
                  plan,
                  RecordedParameters.of(parameters, List.of(), key),
                  context(name),
                  maintenance,
                  Optional.empty(),
                  Optional.of(done(OperationType.PROVISION)),
                  List.of(),
                  Optional.empty());
          return state
              .with(recorded)
              .withBroker(
                  broker,
                  new BrokerRecord(
                      client.connection().baseUrl().toString(),
                      CatalogFingerprint.of(client.catalog())));
        });
    return id;
  }

  /** Binds an instance and records the binding (never its credentials); returns binding_id. */
  String binding(
      String name, String instance, String instanceId, OfferingRef service, OfferingRef plan) {
    var id = UUID.randomUUID().toString();
    client.bind(instanceId, id, BindRequest.of(service.id(), plan.id(), context(instance)));
    store.update(
        state ->
            state.with(
                new BindingState(
                    Address.binding(name),
                    id,
                    Address.instance(instance),
                    instanceId,
                    broker,
                    service,
                    plan,
                    RecordedParameters.of(
                        JsonNodeFactory.instance.objectNode(),
                        List.of(),
                        Fingerprint.keyFor(state.lineage())),
                    context(instance),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(done(OperationType.BIND)),
                    List.of(),
                    Optional.empty())));
    return id;
  }

  static ObjectNode params(Map<String, Integer> values) {
    var node = JsonNodeFactory.instance.objectNode();
    values.forEach(node::put);
    return node;
  }

  static JsonNode json(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static LastOperation done(OperationType type) {
    return new LastOperation(
        type, OperationState.SUCCEEDED, Optional.empty(), STARTED, Optional.empty());
  }
}
