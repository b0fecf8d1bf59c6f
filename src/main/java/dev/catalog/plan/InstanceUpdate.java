package dev.catalog.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.osb.UpdateRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * The PATCH a planned update sends, carrying only what changed (checklist U-03, U-06, U-07): the
 * plan id only when the plan changes, parameters only when they changed (and then only the declared
 * ones, never values read back from the broker), maintenance_info only for an upgrade of a {@code
 * maintenance: auto} instance, and previous_values always (U-08, U-09).
 *
 * @param serviceId the offering id (U-02)
 * @param planId the new plan id, only when the plan changes
 * @param context the context, sent on every PATCH (U-11)
 * @param parameters the declared parameters, only when they changed
 * @param maintenanceInfoVersion the catalog's newer version, only for an upgrade
 * @param previousPlanId the plan before the update
 * @param previousMaintenanceInfoVersion the maintenance_info version before, if any
 */
public record InstanceUpdate(
    String serviceId,
    Optional<String> planId,
    JsonNode context,
    Optional<DesiredParameters> parameters,
    Optional<String> maintenanceInfoVersion,
    String previousPlanId,
    Optional<String> previousMaintenanceInfoVersion) {
  public InstanceUpdate {
    Objects.requireNonNull(serviceId, "serviceId");
    Objects.requireNonNull(planId, "planId");
    context = Objects.requireNonNull(context, "context").deepCopy();
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(maintenanceInfoVersion, "maintenanceInfoVersion");
    Objects.requireNonNull(previousPlanId, "previousPlanId");
    Objects.requireNonNull(previousMaintenanceInfoVersion, "previousMaintenanceInfoVersion");
  }

  @Override
  public JsonNode context() {
    return context.deepCopy();
  }

  /** The OSB request body, secrets included: build it only to send it. */
  public UpdateRequest toRequest() {
    return new UpdateRequest(
        serviceId,
        planId,
        context,
        parameters.map(p -> (JsonNode) p.reveal()),
        maintenanceInfoVersion,
        Optional.of(previousPlanId),
        previousMaintenanceInfoVersion);
  }
}
