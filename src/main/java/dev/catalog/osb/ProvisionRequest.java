package dev.catalog.osb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of a provision (checklist PR-03..PR-07): ids from this broker's catalog, the context
 * plus the deprecated but still required organization and space guids, parameters only when the
 * user set some, and the catalog's maintenance_info version if any.
 */
public record ProvisionRequest(
    String serviceId,
    String planId,
    JsonNode context,
    String organizationGuid,
    String spaceGuid,
    Optional<JsonNode> parameters,
    Optional<String> maintenanceInfoVersion) {

  public ProvisionRequest {
    Objects.requireNonNull(serviceId, "serviceId");
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(organizationGuid, "organizationGuid");
    Objects.requireNonNull(spaceGuid, "spaceGuid");
    Objects.requireNonNull(maintenanceInfoVersion, "maintenanceInfoVersion");
    if (organizationGuid.isEmpty() || spaceGuid.isEmpty()) {
      throw new IllegalArgumentException("organization_guid and space_guid must not be empty");
    }
    context = RequestBodies.object(context, "context");
    parameters = parameters.map(p -> RequestBodies.object(p, "parameters"));
  }

  ObjectNode toJson() {
    var body = JsonNodeFactory.instance.objectNode();
    body.put("service_id", serviceId);
    body.put("plan_id", planId);
    body.set("context", context.deepCopy());
    body.put("organization_guid", organizationGuid);
    body.put("space_guid", spaceGuid);
    parameters.ifPresent(p -> body.set("parameters", p.deepCopy()));
    maintenanceInfoVersion.ifPresent(v -> body.putObject("maintenance_info").put("version", v));
    return body;
  }
}
