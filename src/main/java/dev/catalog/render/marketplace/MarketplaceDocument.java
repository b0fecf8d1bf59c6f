package dev.catalog.render.marketplace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.osb.model.PlanCost;
import dev.catalog.osb.model.ServiceOffering;
import dev.catalog.osb.model.ServicePlan;
import dev.catalog.state.InstanceState;
import dev.catalog.state.ResourceState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The marketplace as one JSON document ({@code format_version} 1, docs/marketplace.md; fields are
 * only ever added): what {@code --format json} prints and what the HTML page is rendered from, so
 * the two cannot disagree.
 */
public final class MarketplaceDocument {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Map<String, List<String>> instancesByPlan;

  private MarketplaceDocument(Map<String, List<String>> instancesByPlan) {
    this.instancesByPlan = instancesByPlan;
  }

  /** The document of {@code sources}, with the {@code recorded} instances on each plan. */
  public static ObjectNode of(
      List<MarketplaceSource> sources, Collection<? extends ResourceState> recorded) {
    var byPlan = new TreeMap<String, List<String>>();
    for (var resource : recorded) {
      if (resource instanceof InstanceState i) {
        byPlan
            .computeIfAbsent(
                key(i.broker(), i.service().id(), i.plan().id()), k -> new ArrayList<>())
            .add(i.address().name());
      }
    }
    var doc = NODES.objectNode();
    doc.put("format_version", 1);
    var brokers = doc.putArray("brokers");
    var builder = new MarketplaceDocument(byPlan);
    sources.forEach(s -> builder.broker(s, brokers.addObject()));
    return doc;
  }

  private static String key(String broker, String serviceId, String planId) {
    return broker + "\n" + serviceId + "\n" + planId;
  }

  private void broker(MarketplaceSource source, ObjectNode node) {
    node.put("name", source.broker());
    node.put("url", source.url());
    source.error().ifPresent(e -> node.put("error", e));
    source
        .catalog()
        .ifPresent(
            c -> {
              var services = node.putArray("services");
              c.services().forEach(s -> service(source.broker(), s, services.addObject()));
            });
  }

  private void service(String broker, ServiceOffering service, ObjectNode node) {
    node.put("name", service.name());
    node.put("id", service.id());
    node.put("display_name", service.displayName().orElse(service.name()));
    node.put("description", service.description());
    var metadata = service.metadata();
    metadata.longDescription().ifPresent(v -> node.put("long_description", v));
    metadata.imageUrl().ifPresent(v -> node.put("image_url", v));
    metadata.providerDisplayName().ifPresent(v -> node.put("provider", v));
    metadata.documentationUrl().ifPresent(v -> node.put("documentation_url", v));
    metadata.supportUrl().ifPresent(v -> node.put("support_url", v));
    strings(node.putArray("tags"), service.tags());
    node.put("instances_retrievable", service.instancesRetrievable());
    node.put("bindings_retrievable", service.bindingsRetrievable());
    node.put("allow_context_updates", service.allowContextUpdates());
    var plans = node.putArray("plans");
    service.plans().forEach(p -> plan(broker, service, p, plans.addObject()));
  }

  private void plan(String broker, ServiceOffering service, ServicePlan plan, ObjectNode node) {
    node.put("name", plan.name());
    node.put("id", plan.id());
    node.put("display_name", plan.displayName().orElse(plan.name()));
    node.put("description", plan.description());
    strings(node.putArray("bullets"), plan.metadata().bullets());
    node.put("free", plan.free());
    costs(node.putArray("costs"), plan.metadata().costs());
    node.put("bindable", service.bindable(plan));
    node.put("plan_updateable", service.planUpdateable(plan));
    plan.maximumPollingDuration()
        .ifPresent(d -> node.put("maximum_polling_duration", d.toSeconds()));
    plan.maintenanceInfo()
        .ifPresent(
            m -> {
              var info = node.putObject("maintenance_info");
              info.put("version", m.version());
              m.description().ifPresent(d -> info.put("description", d));
            });
    plan.maintenanceInfo().ifPresent(m -> node.put("maintenance_info_version", m.version()));
    node.put("has_parameter_schema", plan.schemas().instanceCreate().isPresent());
    var parameters = node.putArray("parameters");
    plan.schemas()
        .instanceCreate()
        .ifPresent(schema -> SchemaTable.rows(schema).forEach(r -> row(r, parameters.addObject())));
    var instances = instancesByPlan.getOrDefault(key(broker, service.id(), plan.id()), List.of());
    strings(node.putArray("instances"), instances);
    node.put("yaml", YamlSnippet.of(broker, service, plan));
  }

  private static void costs(ArrayNode array, List<PlanCost> costs) {
    for (var cost : costs) {
      var item = array.addObject();
      var amount = item.putObject("amount");
      cost.amount().forEach(amount::put);
      item.put("unit", cost.unit());
    }
  }

  private static void row(SchemaRow row, ObjectNode node) {
    node.put("name", row.name());
    node.put("type", row.type());
    node.put("default", row.defaultValue());
    node.put("constraints", row.constraints());
    node.put("description", row.description());
    node.put("required", row.required());
    node.put("depth", row.depth());
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
