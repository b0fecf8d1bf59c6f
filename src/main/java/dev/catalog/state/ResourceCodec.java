package dev.catalog.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Encodes and decodes one resource of the version-1 state document, fields in a fixed order. */
final class ResourceCodec {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ResourceCodec() {}

  static ObjectNode encode(ResourceState resource) {
    var node = JSON.objectNode();
    if (resource instanceof InstanceState i) {
      node.put("instance_id", i.instanceId());
      common(node, i.broker(), i.service(), i.plan(), i.parameters(), i.context());
      i.maintenanceInfoVersion().ifPresent(v -> node.put("maintenance_info_version", v));
      i.dashboardUrl().ifPresent(v -> node.put("dashboard_url", v));
    } else if (resource instanceof BindingState b) {
      node.put("binding_id", b.bindingId());
      node.put("instance", b.instance().toString());
      node.put("instance_id", b.instanceId());
      common(node, b.broker(), b.service(), b.plan(), b.parameters(), b.context());
      b.credentialsFingerprint().ifPresent(v -> node.put("credentials_fingerprint", v));
      b.sink()
          .ifPresent(
              sink -> {
                var out = sink(sink);
                b.delivered()
                    .ifPresent(
                        d ->
                            out.put("config_digest", d.config())
                                .put("shaping_digest", d.shaping())
                                .put("content_fingerprint", d.content()));
                // A sink move's old sink, still to be removed: the next apply removes it.
                b.delivered()
                    .flatMap(DeliveredSink::replaces)
                    .ifPresent(old -> out.set("replaces", sink(old)));
                node.set("sink", out);
              });
      b.times().retireAt().ifPresent(t -> node.put("retire_at", t.toString()));
      b.times().expiresAt().ifPresent(t -> node.put("expires_at", t.toString()));
      b.times().renewBefore().ifPresent(t -> node.put("renew_before", t.toString()));
    }
    imported(resource)
        .ifPresent(
            i ->
                node.putObject("imported")
                    .put("at", i.at().toString())
                    .put("verified", i.verified()));
    if (resource.preventDestroy()) {
      // Written only when set: states of unprotected resources stay as they were.
      node.put("prevent_destroy", true);
    }
    resource.lastOperation().ifPresent(op -> node.set("last_operation", operation(op)));
    if (!resource.pendingOrphanMitigation().isEmpty()) {
      var steps = node.putArray("pending_orphan_mitigation");
      for (var step : resource.pendingOrphanMitigation()) {
        steps
            .addObject()
            .put("operation", step.operation().wireName())
            .put("reason", step.reason())
            .put("since", step.since().toString());
      }
    }
    return node;
  }

  private static void common(
      ObjectNode node,
      String broker,
      OfferingRef service,
      OfferingRef plan,
      RecordedParameters parameters,
      JsonNode context) {
    node.put("broker", broker);
    node.putObject("service").put("id", service.id()).put("name", service.name());
    node.putObject("plan").put("id", plan.id()).put("name", plan.name());
    node.set("parameters", parameters.values());
    if (!parameters.sensitivePointers().isEmpty()) {
      var pointers = node.putArray("sensitive_parameters");
      parameters.sensitivePointers().forEach(pointers::add);
    }
    parameters
        .sensitiveFingerprint()
        .ifPresent(f -> node.put("sensitive_parameters_fingerprint", f));
    node.set("context", context);
  }

  private static ObjectNode sink(SinkDescription sink) {
    if (sink instanceof SinkDescription.KubernetesSecret s) {
      var node = JSON.objectNode().put("type", "kubernetes-secret");
      s.context().ifPresent(c -> node.put("context", c)); // absent: the current context
      return node.put("namespace", s.namespace()).put("name", s.name());
    }
    var file = (SinkDescription.File) sink;
    return JSON.objectNode().put("type", "file").put("path", file.path());
  }

  private static ObjectNode operation(LastOperation op) {
    var node = JSON.objectNode();
    node.put("type", op.type().wireName());
    node.put("state", op.state().wireName());
    op.operationToken().ifPresent(t -> node.put("operation", t));
    node.put("started", op.started().toString());
    op.description().ifPresent(d -> node.put("description", d));
    return node;
  }

  static ResourceState decode(Address address, JsonNode node, JsonFields f) {
    var path = "resources." + address;
    if (!node.isObject()) {
      throw f.invalid(path, "expected an object");
    }
    var broker = f.sharedText(node, "broker", path);
    var service = offering(node, "service", path, f);
    var plan = offering(node, "plan", path, f);
    var parameters = parameters(node, path, f);
    var context = f.sharedJson(node, "context");
    var lastOperation = lastOperation(node, path, f);
    var mitigation = mitigation(node, path, f);
    var imported = imported(node, path, f);
    var preventDestroy = preventDestroy(node, path, f);
    return switch (address.kind()) {
      case INSTANCE ->
          new InstanceState(
              address,
              f.repeatedText(node, "instance_id", path),
              broker,
              service,
              plan,
              parameters,
              context,
              f.optionalText(node, "maintenance_info_version", path),
              f.optionalText(node, "dashboard_url", path),
              lastOperation,
              mitigation,
              imported,
              preventDestroy);
      case BINDING ->
          new BindingState(
              address,
              f.text(node, "binding_id", path),
              f.address(f.text(node, "instance", path), path + ".instance"),
              f.repeatedText(node, "instance_id", path),
              broker,
              service,
              plan,
              parameters,
              context,
              f.optionalText(node, "credentials_fingerprint", path),
              sink(node, path, f),
              lastOperation,
              mitigation,
              imported,
              delivered(node, path, f),
              new BindingTimes(
                  f.optionalInstant(node, "retire_at", path),
                  f.optionalInstant(node, "expires_at", path),
                  f.optionalInstant(node, "renew_before", path)),
              preventDestroy);
    };
  }

  private static OfferingRef offering(JsonNode node, String field, String path, JsonFields f) {
    var ref = f.object(node, field, path);
    return f.sharedOffering(
        new OfferingRef(
            f.sharedText(ref, "id", path + "." + field),
            f.sharedText(ref, "name", path + "." + field)));
  }

  private static RecordedParameters parameters(JsonNode node, String path, JsonFields f) {
    var pointers = new ArrayList<String>();
    var list = node.get("sensitive_parameters");
    if (list != null && !list.isArray()) {
      throw f.invalid(path + ".sensitive_parameters", "expected an array of JSON pointers");
    }
    if (list != null) {
      list.forEach(p -> pointers.add(p.asText()));
    }
    var recorded =
        new RecordedParameters(
            f.json(node, "parameters"),
            pointers,
            f.optionalText(node, "sensitive_parameters_fingerprint", path));
    // Most bindings have none: one shared record instead of 200,000 equal ones (issue 7).
    return recorded.equals(RecordedParameters.NONE) ? RecordedParameters.NONE : recorded;
  }

  private static Optional<SinkDescription> sink(JsonNode node, String path, JsonFields f) {
    var sink = f.optionalObject(node, "sink", path);
    if (sink == null || sink.isNull()) {
      return Optional.empty();
    }
    return Optional.of(sinkAt(sink, path + ".sink", f));
  }

  private static SinkDescription sinkAt(JsonNode sink, String sinkPath, JsonFields f) {
    return switch (f.text(sink, "type", sinkPath)) {
      case "kubernetes-secret" ->
          new SinkDescription.KubernetesSecret(
              f.optionalText(sink, "context", sinkPath),
              f.text(sink, "namespace", sinkPath),
              f.text(sink, "name", sinkPath));
      case "file" -> new SinkDescription.File(f.text(sink, "path", sinkPath));
      default -> throw f.invalid(sinkPath + ".type", "expected kubernetes-secret or file");
    };
  }

  /** The digests of the last delivery, kept beside the sink they describe (issue 13). */
  private static Optional<DeliveredSink> delivered(JsonNode node, String path, JsonFields f) {
    var sink = node.get("sink");
    if (sink == null || !sink.isObject() || !sink.has("content_fingerprint")) {
      return Optional.empty();
    }
    var sinkPath = path + ".sink";
    var replaces = f.optionalObject(sink, "replaces", sinkPath);
    return Optional.of(
        new DeliveredSink(
            f.text(sink, "config_digest", sinkPath),
            f.text(sink, "shaping_digest", sinkPath),
            f.text(sink, "content_fingerprint", sinkPath),
            replaces == null || replaces.isNull()
                ? Optional.empty()
                : Optional.of(sinkAt(replaces, sinkPath + ".replaces", f))));
  }

  private static Optional<LastOperation> lastOperation(JsonNode node, String path, JsonFields f) {
    var op = f.optionalObject(node, "last_operation", path);
    if (op == null || op.isNull()) {
      return Optional.empty();
    }
    var opPath = path + ".last_operation";
    var type = OperationType.fromWire(f.text(op, "type", opPath));
    if (type == null) {
      throw f.invalid(opPath + ".type", "expected provision, update, deprovision, bind or unbind");
    }
    var state = OperationState.fromWire(f.text(op, "state", opPath));
    if (state == null) {
      throw f.invalid(opPath + ".state", "expected 'in progress', 'succeeded' or 'failed'");
    }
    return f.sharedOperation(
        new LastOperation(
            type,
            state,
            f.optionalText(op, "operation", opPath),
            f.instant(op, "started", opPath),
            f.optionalText(op, "description", opPath)));
  }

  private static Optional<Imported> imported(ResourceState resource) {
    return resource instanceof InstanceState i
        ? i.imported()
        : ((BindingState) resource).imported();
  }

  /** Optional within version 1: states written before {@code catalog import} existed lack it. */
  private static Optional<Imported> imported(JsonNode node, String path, JsonFields f) {
    var imported = f.optionalObject(node, "imported", path);
    if (imported == null || imported.isNull()) {
      return Optional.empty();
    }
    var importedPath = path + ".imported";
    var verified = imported.get("verified");
    if (verified == null || !verified.isBoolean()) {
      throw f.invalid(importedPath + ".verified", "expected true or false");
    }
    return Optional.of(
        new Imported(f.instant(imported, "at", importedPath), verified.booleanValue()));
  }

  /** Optional within version 1: absent means false, as states written before issue 15 are. */
  private static boolean preventDestroy(JsonNode node, String path, JsonFields f) {
    var value = node.get("prevent_destroy");
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw f.invalid(path + ".prevent_destroy", "expected true or false");
    }
    return value.booleanValue();
  }

  private static List<OrphanMitigation> mitigation(JsonNode node, String path, JsonFields f) {
    var list = node.get("pending_orphan_mitigation");
    if (list == null || list.isNull()) {
      return List.of();
    }
    var steps = new ArrayList<OrphanMitigation>();
    for (int i = 0; i < list.size(); i++) {
      var stepPath = path + ".pending_orphan_mitigation[" + i + "]";
      var step = list.get(i);
      var type = OperationType.fromWire(f.text(step, "operation", stepPath));
      if (type != OperationType.DEPROVISION && type != OperationType.UNBIND) {
        throw f.invalid(stepPath + ".operation", "expected deprovision or unbind");
      }
      steps.add(
          new OrphanMitigation(
              type, f.text(step, "reason", stepPath), f.instant(step, "since", stepPath)));
    }
    return steps;
  }
}
