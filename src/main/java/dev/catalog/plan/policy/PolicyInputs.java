package dev.catalog.plan.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.config.CredentialsTarget;
import dev.catalog.osb.model.PlanCost;
import dev.catalog.osb.model.ServiceOffering;
import dev.catalog.osb.model.ServicePlan;
import dev.catalog.plan.DesiredBinding;
import dev.catalog.plan.DesiredInstance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a rule sees, as CEL values (maps, lists, strings, bools, int64, double): the planned
 * resource with its offering, plan and sink (docs/policies.md). Secret parameter values are
 * already removed ({@code DesiredParameters.redacted}).
 */
final class PolicyInputs {
  private PolicyInputs() {}

  static Map<String, Object> instance(DesiredInstance i, String action) {
    var out = new LinkedHashMap<String, Object>();
    out.put("kind", "instance");
    out.put("name", i.config().name());
    out.put("address", "instance." + i.config().name());
    out.put("action", action);
    out.put("broker", i.broker());
    out.put("service", service(i.service()));
    out.put("plan", plan(i.plan()));
    out.put("parameters", value(i.parameters().redacted()));
    out.put("context", value(i.frozenContext()));
    out.put("instance", i.config().name());
    out.put("sink", Map.of());
    return out;
  }

  static Map<String, Object> binding(DesiredBinding b, String action) {
    var out = instance(b.instance(), action);
    out.put("kind", "binding");
    out.put("name", b.config().name());
    out.put("address", "binding." + b.config().name());
    out.put("parameters", value(b.parameters().redacted()));
    out.put("sink", sink(b.config().credentials()));
    return out;
  }

  /** Every declared instance, for counting rules. */
  static Map<String, Object> summary(DesiredInstance i) {
    return Map.of(
        "name", i.config().name(),
        "broker", i.broker(),
        "service", i.service().name(),
        "plan", i.plan().name(),
        "free", i.plan().free());
  }

  private static Map<String, Object> sink(CredentialsTarget target) {
    if (target instanceof CredentialsTarget.SecretTarget s) {
      return Map.of("kind", "secret", "namespace", s.namespace(), "name", s.name());
    }
    if (target instanceof CredentialsTarget.FileTarget f) {
      return Map.of("kind", "file", "path", f.written());
    }
    throw new AssertionError(target);
  }

  private static Map<String, Object> service(ServiceOffering s) {
    return Map.of(
        "id", s.id(), "name", s.name(), "tags", List.copyOf(s.tags()),
        "display_name", s.displayName().orElse(s.name()));
  }

  private static Map<String, Object> plan(ServicePlan p) {
    var costs = new ArrayList<Object>();
    for (PlanCost cost : p.metadata().costs()) {
      var amount = new LinkedHashMap<String, Object>();
      cost.amount().forEach((currency, value) -> amount.put(currency, value.doubleValue()));
      costs.add(Map.of("amount", amount, "unit", cost.unit()));
    }
    var out = new LinkedHashMap<String, Object>();
    out.put("id", p.id());
    out.put("name", p.name());
    out.put("free", p.free());
    out.put("costs", costs);
    out.put("bullets", List.copyOf(p.metadata().bullets()));
    out.put(
        "maintenance_info_version",
        p.maintenanceInfo().map(m -> (Object) m.version()).orElse(""));
    return out;
  }

  /** JSON as CEL values: integers as int64, other numbers as double, null as null. */
  static Object value(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return com.google.protobuf.NullValue.NULL_VALUE;
    }
    if (node.isObject()) {
      var out = new LinkedHashMap<String, Object>();
      node.fields().forEachRemaining(e -> out.put(e.getKey(), value(e.getValue())));
      return out;
    }
    if (node.isArray()) {
      var out = new ArrayList<Object>();
      node.forEach(item -> out.add(value(item)));
      return out;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    return node.asText();
  }
}
