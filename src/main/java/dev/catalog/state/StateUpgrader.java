package dev.catalog.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Upgrades older state documents to the current format, one version step at a time, so a state
 * written by an older catalog is read, never refused.
 *
 * <p>Version 0 (the first preview) kept {@code instances} and {@code bindings} maps keyed by bare
 * name, flat {@code service_id}/{@code plan_id} fields, an {@code id} per resource, an {@code
 * operation} object and a binding {@code secret}; it had no brokers or tool version.
 */
final class StateUpgrader {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private StateUpgrader() {}

  static ObjectNode upgrade(ObjectNode root, int fromVersion, JsonFields f) {
    var current = root;
    for (int v = fromVersion; v < StateCodec.CURRENT_VERSION; v++) {
      if (v == 0) {
        current = fromV0(current, f);
      }
    }
    return current;
  }

  private static ObjectNode fromV0(ObjectNode v0, JsonFields f) {
    var v1 = JSON.objectNode();
    v1.put("version", 1);
    v1.put("lineage", f.text(v0, "lineage", "$"));
    v1.put("serial", f.number(v0, "serial", "$"));
    v1.put("tool_version", "unknown");
    v1.putObject("brokers");
    var resources = v1.putObject("resources");
    var instances = v0.path("instances");
    instances
        .fields()
        .forEachRemaining(e -> resources.set("instance." + e.getKey(), resourceFromV0(e.getValue())));
    v0.path("bindings")
        .fields()
        .forEachRemaining(
            e -> {
              var old = e.getValue();
              var node = JSON.objectNode();
              node.put("binding_id", old.path("id").asText());
              var instanceName = old.path("instance").asText();
              node.put("instance", "instance." + instanceName);
              node.put("instance_id", old.path("instance_id").asText());
              // v0 bindings did not repeat their instance's offering and plan: copy them.
              var instance = instances.path(instanceName);
              copyOffering(instance, node);
              node.set("parameters", old.get("parameters"));
              node.set("context", JSON.objectNode());
              if (old.hasNonNull("credentials_fingerprint")) {
                node.set("credentials_fingerprint", old.get("credentials_fingerprint"));
              }
              if (old.path("secret").isObject()) {
                node.putObject("sink")
                    .put("type", "kubernetes-secret")
                    .put("namespace", old.path("secret").path("namespace").asText())
                    .put("name", old.path("secret").path("name").asText());
              }
              operationFromV0(old, node);
              resources.set("binding." + e.getKey(), node);
            });
    return v1;
  }

  private static ObjectNode resourceFromV0(JsonNode old) {
    var node = JSON.objectNode();
    node.put("instance_id", old.path("id").asText());
    copyOffering(old, node);
    node.set("parameters", old.get("parameters"));
    node.set("context", JSON.objectNode());
    if (old.hasNonNull("dashboard_url")) {
      node.set("dashboard_url", old.get("dashboard_url"));
    }
    operationFromV0(old, node);
    return node;
  }

  private static void copyOffering(JsonNode from, ObjectNode to) {
    to.put("broker", from.path("broker").asText());
    to.putObject("service")
        .put("id", from.path("service_id").asText())
        .put("name", from.path("service_name").asText());
    to.putObject("plan")
        .put("id", from.path("plan_id").asText())
        .put("name", from.path("plan_name").asText());
  }

  private static void operationFromV0(JsonNode old, ObjectNode node) {
    if (old.path("operation").isObject()) {
      node.set("last_operation", old.get("operation").deepCopy());
    }
  }
}
