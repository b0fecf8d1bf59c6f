package dev.catalog.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.CatalogException;
import dev.catalog.plan.CatalogLock.LockedBroker;
import dev.catalog.plan.CatalogLock.LockedPlan;
import dev.catalog.plan.CatalogLock.LockedService;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code catalog.lock.json} as text ({@code format_version} 1): keys sorted and two-space indents,
 * so a catalog change is a small, reviewable diff.
 */
public final class CatalogLockCodec {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  private static final int FORMAT_VERSION = 1;

  private CatalogLockCodec() {}

  public static String write(CatalogLock lock) {
    var root = JSON.createObjectNode();
    root.put("format_version", FORMAT_VERSION);
    var brokers = root.putObject("brokers");
    lock.brokers()
        .forEach(
            (name, broker) -> {
              var b = brokers.putObject(name);
              b.put("catalog_digest", broker.catalogDigest());
              var services = b.putObject("services");
              broker.services().forEach((s, service) -> service(service, services.putObject(s)));
            });
    try {
      return JSON.writeValueAsString(JSON.treeToValue(root, Object.class)) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the lock file", e);
    }
  }

  private static void service(LockedService service, ObjectNode node) {
    node.put("id", service.id());
    var plans = node.putObject("plans");
    service
        .plans()
        .forEach(
            (name, plan) -> {
              var p = plans.putObject(name);
              p.put("id", plan.id());
              p.put("free", plan.free());
              p.put("bindable", plan.bindable());
              p.put("plan_updateable", plan.planUpdateable());
              plan.maintenanceInfoVersion().ifPresent(v -> p.put("maintenance_info_version", v));
              var schemas = p.putObject("schemas");
              plan.instanceCreateSchema().ifPresent(s -> schemas.set("instance_create", s));
              plan.instanceUpdateSchema().ifPresent(s -> schemas.set("instance_update", s));
              plan.bindingCreateSchema().ifPresent(s -> schemas.set("binding_create", s));
            });
  }

  /** Reads a lock file; {@code name} is for messages. */
  public static CatalogLock read(String text, String name) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new CatalogException(name + ": not a catalog lock file: " + e.getOriginalMessage());
    }
    if (root == null || root.path("format_version").asInt() != FORMAT_VERSION) {
      throw new CatalogException(
          name + ": unsupported lock file (format_version " + FORMAT_VERSION + " expected)");
    }
    var brokers = new TreeMap<String, LockedBroker>();
    root.path("brokers")
        .fields()
        .forEachRemaining(
            b -> {
              var services = new TreeMap<String, LockedService>();
              b.getValue()
                  .path("services")
                  .fields()
                  .forEachRemaining(s -> services.put(s.getKey(), service(s.getValue())));
              brokers.put(
                  b.getKey(),
                  new LockedBroker(b.getValue().path("catalog_digest").asText(), services));
            });
    return new CatalogLock(brokers);
  }

  private static LockedService service(JsonNode node) {
    Map<String, LockedPlan> plans = new TreeMap<>();
    node.path("plans")
        .fields()
        .forEachRemaining(
            p -> {
              var plan = p.getValue();
              var schemas = plan.path("schemas");
              plans.put(
                  p.getKey(),
                  new LockedPlan(
                      plan.path("id").asText(),
                      plan.path("free").asBoolean(),
                      plan.path("bindable").asBoolean(),
                      plan.path("plan_updateable").asBoolean(),
                      Optional.ofNullable(plan.get("maintenance_info_version"))
                          .map(JsonNode::asText),
                      Optional.ofNullable(schemas.get("instance_create")),
                      Optional.ofNullable(schemas.get("instance_update")),
                      Optional.ofNullable(schemas.get("binding_create"))));
            });
    return new LockedService(node.path("id").asText(), plans);
  }
}
