package dev.catalog.osb.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A plan of an offering. {@code free} defaults to true and {@code bindingRotatable} to false
 * (checklist C-18); {@code bindable} and {@code planUpdateable} stay optional because they override
 * the offering's (C-07, C-08). {@code metadata} holds the presentation conventions (costs,
 * bullets).
 */
public record ServicePlan(
    String id,
    String name,
    String description,
    boolean free,
    Optional<Boolean> bindable,
    Optional<Boolean> planUpdateable,
    boolean bindingRotatable,
    Optional<MaintenanceInfo> maintenanceInfo,
    Optional<Duration> maximumPollingDuration,
    PlanSchemas schemas,
    Optional<String> displayName,
    PlanMetadata metadata) {

  public ServicePlan {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(bindable, "bindable");
    Objects.requireNonNull(planUpdateable, "planUpdateable");
    Objects.requireNonNull(maintenanceInfo, "maintenanceInfo");
    Objects.requireNonNull(maximumPollingDuration, "maximumPollingDuration");
    Objects.requireNonNull(schemas, "schemas");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(metadata, "metadata");
  }

  /** A plan without presentation metadata (costs, bullets). */
  public ServicePlan(
      String id,
      String name,
      String description,
      boolean free,
      Optional<Boolean> bindable,
      Optional<Boolean> planUpdateable,
      boolean bindingRotatable,
      Optional<MaintenanceInfo> maintenanceInfo,
      Optional<Duration> maximumPollingDuration,
      PlanSchemas schemas,
      Optional<String> displayName) {
    this(
        id,
        name,
        description,
        free,
        bindable,
        planUpdateable,
        bindingRotatable,
        maintenanceInfo,
        maximumPollingDuration,
        schemas,
        displayName,
        PlanMetadata.NONE);
  }
}
