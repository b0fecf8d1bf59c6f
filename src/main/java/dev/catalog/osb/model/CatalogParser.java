package dev.catalog.osb.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code GET /v2/catalog} body into a {@link Catalog}, ignoring unknown fields (H-16) and
 * collecting every violation of the spec's catalog rules with its JSON path (checklist C-06):
 * required fields, unique offering ids and names, unique plan ids, plan names unique per offering.
 */
public final class CatalogParser {
  private final List<String> problems = new ArrayList<>();

  private CatalogParser() {}

  /** Parses a catalog, or throws {@link InvalidCatalogException} listing every problem. */
  public static Catalog parse(JsonNode root) {
    var parser = new CatalogParser();
    var catalog = parser.catalog(root);
    if (!parser.problems.isEmpty()) {
      throw new InvalidCatalogException(parser.problems);
    }
    return catalog;
  }

  private Catalog catalog(JsonNode root) {
    if (root == null || !root.isObject()) {
      problems.add("$: not a JSON object");
      return new Catalog(List.of());
    }
    var services = root.get("services");
    if (services == null || !services.isArray()) {
      problems.add("$.services: required array is missing");
      return new Catalog(List.of());
    }
    var offerings = new ArrayList<ServiceOffering>();
    Set<String> ids = new HashSet<>();
    Set<String> names = new HashSet<>();
    Set<String> planIds = new HashSet<>();
    for (int i = 0; i < services.size(); i++) {
      var path = "$.services[" + i + "]";
      var offering = offering(services.get(i), path, planIds);
      if (offering.isEmpty()) {
        continue;
      }
      if (!ids.add(offering.get().id())) {
        problems.add(path + ".id: duplicate service id \"" + offering.get().id() + "\"");
      }
      if (!names.add(offering.get().name())) {
        problems.add(path + ".name: duplicate service name \"" + offering.get().name() + "\"");
      }
      offerings.add(offering.get());
    }
    return new Catalog(offerings);
  }

  private Optional<ServiceOffering> offering(JsonNode node, String path, Set<String> planIds) {
    if (!node.isObject()) {
      problems.add(path + ": not a JSON object");
      return Optional.empty();
    }
    var id = requiredString(node, path, "id");
    var name = requiredString(node, path, "name");
    var description = requiredString(node, path, "description");
    var bindable = optionalBoolean(node, path, "bindable");
    if (node.get("bindable") == null) {
      problems.add(path + ".bindable: required boolean is missing");
    }
    var plans = new ArrayList<ServicePlan>();
    var planNode = node.get("plans");
    if (planNode == null || !planNode.isArray() || planNode.isEmpty()) {
      problems.add(path + ".plans: at least one plan is required");
    } else {
      Set<String> planNames = new HashSet<>();
      for (int j = 0; j < planNode.size(); j++) {
        var planPath = path + ".plans[" + j + "]";
        plan(planNode.get(j), planPath)
            .ifPresent(
                plan -> {
                  if (!planIds.add(plan.id())) {
                    problems.add(planPath + ".id: duplicate plan id \"" + plan.id() + "\"");
                  }
                  if (!planNames.add(plan.name())) {
                    problems.add(planPath + ".name: duplicate plan name \"" + plan.name() + "\"");
                  }
                  plans.add(plan);
                });
      }
    }
    return Optional.of(
        new ServiceOffering(
            id,
            name,
            description,
            bindable.orElse(false),
            optionalBoolean(node, path, "plan_updateable"),
            optionalBoolean(node, path, "instances_retrievable").orElse(false),
            optionalBoolean(node, path, "bindings_retrievable").orElse(false),
            optionalBoolean(node, path, "allow_context_updates").orElse(false),
            strings(node, path, "tags"),
            strings(node, path, "requires"),
            displayName(node),
            plans,
            MetadataParser.offering(node)));
  }

  private Optional<ServicePlan> plan(JsonNode node, String path) {
    if (!node.isObject()) {
      problems.add(path + ": not a JSON object");
      return Optional.empty();
    }
    return Optional.of(
        new ServicePlan(
            requiredString(node, path, "id"),
            requiredString(node, path, "name"),
            requiredString(node, path, "description"),
            optionalBoolean(node, path, "free").orElse(true),
            optionalBoolean(node, path, "bindable"),
            optionalBoolean(node, path, "plan_updateable"),
            optionalBoolean(node, path, "binding_rotatable").orElse(false),
            maintenanceInfo(node, path),
            maximumPollingDuration(node, path),
            schemas(node.get("schemas")),
            displayName(node),
            MetadataParser.plan(node)));
  }

  private Optional<MaintenanceInfo> maintenanceInfo(JsonNode node, String path) {
    var info = node.get("maintenance_info");
    if (info == null || info.isNull()) {
      return Optional.empty();
    }
    var infoPath = path + ".maintenance_info";
    if (!info.isObject()) {
      problems.add(infoPath + ": not a JSON object");
      return Optional.empty();
    }
    var version = requiredString(info, infoPath, "version");
    var description = info.path("description");
    return Optional.of(
        new MaintenanceInfo(
            version,
            description.isTextual() ? Optional.of(description.asText()) : Optional.empty()));
  }

  private Optional<Duration> maximumPollingDuration(JsonNode node, String path) {
    var value = node.get("maximum_polling_duration");
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() <= 0) {
      problems.add(path + ".maximum_polling_duration: not a positive integer");
      return Optional.empty();
    }
    return Optional.of(Duration.ofSeconds(value.asLong()));
  }

  private static PlanSchemas schemas(JsonNode schemas) {
    if (schemas == null || !schemas.isObject()) {
      return PlanSchemas.NONE;
    }
    return new PlanSchemas(
        schema(schemas.at("/service_instance/create/parameters")),
        schema(schemas.at("/service_instance/update/parameters")),
        schema(schemas.at("/service_binding/create/parameters")));
  }

  private static Optional<JsonNode> schema(JsonNode node) {
    return node.isObject() ? Optional.of(node) : Optional.empty();
  }

  private static Optional<String> displayName(JsonNode node) {
    var value = node.path("metadata").path("displayName");
    return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }

  private String requiredString(JsonNode node, String path, String field) {
    var value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      problems.add(path + "." + field + ": required non-empty string is missing");
      return "";
    }
    return value.asText();
  }

  private Optional<Boolean> optionalBoolean(JsonNode node, String path, String field) {
    var value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isBoolean()) {
      problems.add(path + "." + field + ": not a boolean");
      return Optional.empty();
    }
    return Optional.of(value.asBoolean());
  }

  private List<String> strings(JsonNode node, String path, String field) {
    var value = node.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    var out = new ArrayList<String>();
    if (!value.isArray()) {
      problems.add(path + "." + field + ": not an array of strings");
      return List.of();
    }
    value.forEach(v -> out.add(v.asText()));
    return out;
  }
}
