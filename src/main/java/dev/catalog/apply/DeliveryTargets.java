package dev.catalog.apply;

import dev.catalog.config.CredentialsTarget;
import dev.catalog.plan.Action;
import dev.catalog.plan.DesiredResource;
import dev.catalog.plan.Plan;
import dev.catalog.plan.ResourceChange;
import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import dev.catalog.state.OperationType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sinks an apply of a plan may deliver credentials to: those of the bindings it binds (created,
 * replaced, a bind to resume) and of those an earlier apply bound but could not deliver. The CLI
 * checks them all before the apply sends anything (issue 19: sink pre-flight).
 */
public final class DeliveryTargets {
  private DeliveryTargets() {}

  /** Each delivering binding's configured sink, in plan order. */
  public static Map<Address, CredentialsTarget> of(Plan plan) {
    var targets = new LinkedHashMap<Address, CredentialsTarget>();
    for (ResourceChange change : plan.changes()) {
      if (change.desired().orElse(null) instanceof DesiredResource.OfBinding desired
          && delivers(change)) {
        targets.put(change.address(), desired.binding().config().credentials());
      }
    }
    return targets;
  }

  private static boolean delivers(ResourceChange change) {
    // An update of a binding is a delivery to its (new) sink (issue 13).
    if (change.action() == Action.CREATE
        || change.action() == Action.REPLACE
        || change.action() == Action.UPDATE) {
      return true;
    }
    return change.recorded().orElse(null) instanceof BindingState b
        && (b.awaitingDelivery()
            || (b.inFlight() && b.lastOperation().orElseThrow().type() == OperationType.BIND));
  }
}
