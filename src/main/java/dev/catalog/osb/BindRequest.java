package dev.catalog.osb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of a bind (checklist B-04..B-07, BR-02). {@code acceptsIncomplete} should be true only
 * when the offering is {@code bindings_retrievable}, since credentials of an async bind can only be
 * fetched afterwards (checklist section 5.5). An {@code appGuid} goes both into {@code
 * bind_resource} and, deprecated, top-level (EC-03).
 */
public record BindRequest(
    String serviceId,
    String planId,
    JsonNode context,
    Optional<String> appGuid,
    Optional<JsonNode> bindResource,
    Optional<JsonNode> parameters,
    Optional<String> predecessorBindingId,
    boolean acceptsIncomplete) {

  public BindRequest {
    Objects.requireNonNull(serviceId, "serviceId");
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(appGuid, "appGuid");
    Objects.requireNonNull(predecessorBindingId, "predecessorBindingId");
    context = RequestBodies.object(context, "context");
    bindResource = bindResource.map(r -> RequestBodies.object(r, "bind_resource"));
    parameters = parameters.map(p -> RequestBodies.object(p, "parameters"));
  }

  /** A plain bind: no app, no resource, no parameters, async allowed. */
  public static BindRequest of(String serviceId, String planId, JsonNode context) {
    return new BindRequest(
        serviceId,
        planId,
        context,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        true);
  }

  public BindRequest withParameters(JsonNode values) {
    return new BindRequest(
        serviceId,
        planId,
        context,
        appGuid,
        bindResource,
        Optional.of(values),
        predecessorBindingId,
        acceptsIncomplete);
  }

  public BindRequest withAcceptsIncomplete(boolean value) {
    return new BindRequest(
        serviceId, planId, context, appGuid, bindResource, parameters, predecessorBindingId, value);
  }

  ObjectNode toJson() {
    var body = JsonNodeFactory.instance.objectNode();
    body.put("service_id", serviceId);
    body.put("plan_id", planId);
    body.set("context", context.deepCopy());
    var resource =
        bindResource
            .map(r -> (ObjectNode) r.deepCopy())
            .orElseGet(JsonNodeFactory.instance::objectNode);
    appGuid.ifPresent(
        guid -> {
          body.put("app_guid", guid);
          resource.put("app_guid", guid);
        });
    if (!resource.isEmpty()) {
      body.set("bind_resource", resource);
    }
    parameters.ifPresent(p -> body.set("parameters", p.deepCopy()));
    predecessorBindingId.ifPresent(p -> body.put("predecessor_binding_id", p));
    return body;
  }
}
