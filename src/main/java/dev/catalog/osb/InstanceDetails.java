package dev.catalog.osb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * A fetched instance (checklist F-04, F-09, F-10): missing {@code parameters} are not drift, and of
 * {@code maintenance_info} only the version counts.
 */
public record InstanceDetails(
    Optional<String> serviceId,
    Optional<String> planId,
    Optional<String> dashboardUrl,
    Optional<JsonNode> parameters,
    Optional<String> maintenanceInfoVersion,
    Optional<JsonNode> metadata) {
  public InstanceDetails {
    Objects.requireNonNull(serviceId, "serviceId");
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(dashboardUrl, "dashboardUrl");
    Objects.requireNonNull(maintenanceInfoVersion, "maintenanceInfoVersion");
    parameters = parameters.map(JsonNode::deepCopy);
    metadata = metadata.map(JsonNode::deepCopy);
  }
}
