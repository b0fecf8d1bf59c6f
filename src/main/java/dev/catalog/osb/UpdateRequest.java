package dev.catalog.osb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of an update (checklist U-02..U-11): {@code plan_id} only to change the plan, {@code
 * parameters} only when the user changed them, {@code previous_values} with the plan and
 * maintenance_info before the update, and the context on every PATCH.
 */
public record UpdateRequest(
    String serviceId,
    Optional<String> planId,
    JsonNode context,
    Optional<JsonNode> parameters,
    Optional<String> maintenanceInfoVersion,
    Optional<String> previousPlanId,
    Optional<String> previousMaintenanceInfoVersion) {

  public UpdateRequest {
    Objects.requireNonNull(serviceId, "serviceId");
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(maintenanceInfoVersion, "maintenanceInfoVersion");
    Objects.requireNonNull(previousPlanId, "previousPlanId");
    Objects.requireNonNull(previousMaintenanceInfoVersion, "previousMaintenanceInfoVersion");
    context = RequestBodies.object(context, "context");
    parameters = parameters.map(p -> RequestBodies.object(p, "parameters"));
  }

  ObjectNode toJson() {
    var body = JsonNodeFactory.instance.objectNode();
    body.put("service_id", serviceId);
    planId.ifPresent(p -> body.put("plan_id", p));
    body.set("context", context.deepCopy());
    parameters.ifPresent(p -> body.set("parameters", p.deepCopy()));
    maintenanceInfoVersion.ifPresent(v -> body.putObject("maintenance_info").put("version", v));
    if (previousPlanId.isPresent() || previousMaintenanceInfoVersion.isPresent()) {
      var previous = body.putObject("previous_values");
      previousPlanId.ifPresent(p -> previous.put("plan_id", p));
      previousMaintenanceInfoVersion.ifPresent(
          v -> previous.putObject("maintenance_info").put("version", v));
    }
    return body;
  }
}
