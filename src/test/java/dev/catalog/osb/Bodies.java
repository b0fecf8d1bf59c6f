package dev.catalog.osb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** JSON fixtures for client tests. */
final class Bodies {
  static final ObjectMapper JSON = new ObjectMapper();

  static final String SERVICE_ID = "svc-db";
  static final String PLAN_ID = "plan-small";
  static final OfferingIds OFFERING = new OfferingIds(SERVICE_ID, PLAN_ID);

  /** A valid catalog with vendor fields at every level (checklist H-16, C-19). */
  static final String CATALOG =
      """
      {"services":[{"id":"svc-db","name":"db","description":"Databases","bindable":true,
        "plan_updateable":true,"instances_retrievable":true,"bindings_retrievable":true,
        "x_vendor":{"a":1},"dashboard_client":{"id":"c","secret":"s","redirect_uri":"http://x"},
        "metadata":{"displayName":"Database"},
        "plans":[{"id":"plan-small","name":"small","description":"Small","x_vendor":[1],
          "maximum_polling_duration":600,"maintenance_info":{"version":"1.2.0"},
          "schemas":{"service_instance":{"create":{"parameters":{"type":"object"}}}}}]}],
       "x_vendor":"ignored"}
      """;

  private Bodies() {}

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode context() {
    var ctx = JSON.createObjectNode();
    ctx.put("platform", "kubernetes");
    ctx.put("namespace", "shop");
    ctx.put("clusterid", "cluster-1");
    ctx.put("instance_name", "orders-db");
    return ctx;
  }

  static ProvisionRequest provision() {
    return new ProvisionRequest(
        SERVICE_ID,
        PLAN_ID,
        context(),
        "cluster-1",
        "shop",
        java.util.Optional.empty(),
        java.util.Optional.empty());
  }

  static UpdateRequest update() {
    return new UpdateRequest(
        SERVICE_ID,
        java.util.Optional.empty(),
        context(),
        java.util.Optional.of(json("{\"storage_gb\":20}")),
        java.util.Optional.empty(),
        java.util.Optional.empty(),
        java.util.Optional.empty());
  }

  static BindRequest bind() {
    return BindRequest.of(SERVICE_ID, PLAN_ID, context());
  }

  static LastOperationQuery poll(String operation) {
    return new LastOperationQuery(OFFERING, java.util.Optional.ofNullable(operation));
  }
}
