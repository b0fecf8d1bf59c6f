package dev.catalog.osb.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A service offering. Offering-level flags absent in the catalog are false (checklist C-09, C-18);
 * {@code planUpdateable} stays optional because a plan may override it (C-08).
 */
public record ServiceOffering(
    String id,
    String name,
    String description,
    boolean bindable,
    Optional<Boolean> planUpdateable,
    boolean instancesRetrievable,
    boolean bindingsRetrievable,
    boolean allowContextUpdates,
    List<String> tags,
    List<String> requires,
    Optional<String> displayName,
    List<ServicePlan> plans,
    OfferingMetadata metadata) {

  public ServiceOffering {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(planUpdateable, "planUpdateable");
    Objects.requireNonNull(displayName, "displayName");
    tags = List.copyOf(tags);
    requires = List.copyOf(requires);
    plans = List.copyOf(plans);
    Objects.requireNonNull(metadata, "metadata");
  }

  /** An offering without presentation metadata (image, links). */
  public ServiceOffering(
      String id,
      String name,
      String description,
      boolean bindable,
      Optional<Boolean> planUpdateable,
      boolean instancesRetrievable,
      boolean bindingsRetrievable,
      boolean allowContextUpdates,
      List<String> tags,
      List<String> requires,
      Optional<String> displayName,
      List<ServicePlan> plans) {
    this(
        id,
        name,
        description,
        bindable,
        planUpdateable,
        instancesRetrievable,
        bindingsRetrievable,
        allowContextUpdates,
        tags,
        requires,
        displayName,
        plans,
        OfferingMetadata.NONE);
  }

  /** The plan with this name, case-sensitively (C-05). */
  public Optional<ServicePlan> plan(String planName) {
    return plans.stream().filter(p -> p.name().equals(planName)).findFirst();
  }

  public Optional<ServicePlan> planById(String planId) {
    return plans.stream().filter(p -> p.id().equals(planId)).findFirst();
  }

  /** Effective {@code bindable}: the plan's value if set, else the offering's (C-07). */
  public boolean bindable(ServicePlan plan) {
    return plan.bindable().orElse(bindable);
  }

  /** Effective {@code plan_updateable}: plan, else offering, else false (C-08). */
  public boolean planUpdateable(ServicePlan plan) {
    return plan.planUpdateable().or(() -> planUpdateable).orElse(false);
  }
}
