package dev.catalog.plan;

import java.util.Locale;

/**
 * Why a resource gets its action. Used only to explain the plan, never to drive apply (Terraform's
 * rule): apply acts on {@link Action} and the planned request alone.
 */
public enum ActionReason {
  /** Declared, not recorded in state. */
  NEW_RESOURCE("declared in the configuration but not in state"),
  /** Recorded, no longer declared. */
  REMOVED_FROM_CONFIG("no longer in the configuration"),
  /** Recorded, but the broker no longer knows it (GET 404 with no operation in flight). */
  GONE_AT_BROKER("it no longer exists at the broker"),
  /** A plan change on a plan whose effective plan_updateable is false (checklist U-04). */
  PLAN_NOT_UPDATEABLE("the current plan is not plan_updateable"),
  /** The service offering changed; OSB cannot move an instance between offerings. */
  SERVICE_CHANGED("the service changed"),
  /** The broker changed; an instance cannot move between brokers. */
  BROKER_CHANGED("the broker changed"),
  /** Binding parameters changed; bindings are immutable in OSB. */
  BINDING_PARAMETERS_CHANGED("binding parameters changed, and bindings cannot be updated"),
  /** The bound instance is replaced, so its bindings are too. */
  INSTANCE_REPLACED("its instance is replaced"),
  /** The plan changed and is plan_updateable. */
  PLAN_CHANGED("the plan changed"),
  /** Parameters changed (in the configuration, or at the broker behind catalog's back). */
  PARAMETERS_CHANGED("parameters changed"),
  /** The context changed and the offering allows context updates (checklist U-12). */
  CONTEXT_CHANGED("the context changed"),
  /** The binding's {@code credentials:} sink changed in the configuration (issue 13). */
  SINK_CHANGED("its credentials sink changed"),
  /** The sink is missing or its content changed outside of catalog (issue 13). */
  SINK_DRIFTED("its credentials sink changed outside of catalog"),
  /** {@code maintenance: auto} and the catalog offers a newer maintenance_info (C-10, U-13). */
  MAINTENANCE_UPGRADE_AVAILABLE("a maintenance upgrade is available");

  private final String description;

  ActionReason(String description) {
    this.description = description;
  }

  /** A phrase for text output: {@code the plan changed}. */
  public String description() {
    return description;
  }

  /** The JSON name: {@code plan_not_updateable}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
