package dev.catalog.state;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Realistic resources for state tests. */
public final class TestStates {
  public static final Instant STARTED = Instant.parse("2026-11-21T06:00:00Z");

  private TestStates() {}

  /** A provisioned instance whose ids derive from its name. */
  public static InstanceState instance(String name) {
    return instance(name, OperationState.SUCCEEDED);
  }

  /** An instance whose provision is in the given state. */
  public static InstanceState instance(String name, OperationState state) {
    var params = JsonNodeFactory.instance.objectNode().put("size", "small").put("region", "eu-1");
    return new InstanceState(
        Address.instance(name),
        UUID.nameUUIDFromBytes(name.getBytes()).toString(),
        "postgres-broker",
        new OfferingRef("svc-pg-1", "postgres"),
        new OfferingRef("plan-small-1", "small"),
        new RecordedParameters(params, List.of(), Optional.empty()),
        JsonNodeFactory.instance.objectNode().put("platform", "catalog"),
        Optional.of("1.0.0"),
        Optional.of("https://dash.example/" + name),
        Optional.of(
            new LastOperation(
                OperationType.PROVISION,
                state,
                state == OperationState.IN_PROGRESS ? Optional.of("op-" + name) : Optional.empty(),
                STARTED,
                Optional.empty())),
        List.of(),
        Optional.empty());
  }

  /** A binding of {@code instance} delivered to a Kubernetes Secret. */
  public static BindingState binding(String name, InstanceState instance) {
    return new BindingState(
        Address.binding(name),
        UUID.nameUUIDFromBytes(("b" + name).getBytes()).toString(),
        instance.address(),
        instance.instanceId(),
        instance.broker(),
        instance.service(),
        instance.plan(),
        RecordedParameters.NONE,
        JsonNodeFactory.instance.objectNode().put("platform", "catalog"),
        Optional.of("hmac-sha256:00ff"),
        Optional.of(new SinkDescription.KubernetesSecret("apps", name + "-credentials")),
        Optional.of(
            new LastOperation(
                OperationType.BIND,
                OperationState.SUCCEEDED,
                Optional.empty(),
                STARTED,
                Optional.empty())),
        List.of(),
        Optional.empty());
  }

  /** A state of about {@code bytes} bytes once encoded, made of instances. */
  public static State large(State base, int bytes) {
    var state = base;
    var filler = "x".repeat(1000);
    // Each resource holds at least the 1,000-byte filler, whatever the layout of the document.
    int count = bytes / filler.length() + 1;
    for (int i = 0; i < count; i++) {
      var inst = instance("big-" + i);
      var params = JsonNodeFactory.instance.objectNode().put("note", filler + i);
      state =
          state.with(
              new InstanceState(
                  inst.address(),
                  inst.instanceId(),
                  inst.broker(),
                  inst.service(),
                  inst.plan(),
                  new RecordedParameters(params, List.of(), Optional.empty()),
                  inst.context(),
                  inst.maintenanceInfoVersion(),
                  inst.dashboardUrl(),
                  inst.lastOperation(),
                  inst.pendingOrphanMitigation(),
                  Optional.empty()));
    }
    return state;
  }
}
