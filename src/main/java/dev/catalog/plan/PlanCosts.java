package dev.catalog.plan;

import dev.catalog.osb.model.Catalog;
import dev.catalog.osb.model.PlanCost;
import dev.catalog.osb.model.ServicePlan;
import dev.catalog.state.InstanceState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Adds up the cost change of a plan's instance changes: a create adds its plan's costs, a delete
 * subtracts them, an update or replace onto another plan does both. Bindings cost nothing.
 */
public final class PlanCosts {
  private final Map<String, Catalog> catalogs;
  private final Map<List<String>, BigDecimal> totals = new TreeMap<>(PlanCosts::compareKeys);
  private final List<String> unknown = new ArrayList<>();

  private PlanCosts(Map<String, Catalog> catalogs) {
    this.catalogs = catalogs;
  }

  /** The cost change of {@code changes}, leaving costs looked up in {@code catalogs} by broker. */
  public static CostSummary of(List<ResourceChange> changes, Map<String, Catalog> catalogs) {
    var costs = new PlanCosts(catalogs);
    changes.forEach(costs::add);
    var out = new ArrayList<CostChange>();
    costs.totals.forEach(
        (key, delta) -> {
          if (delta.signum() != 0) {
            out.add(new CostChange(key.get(0), key.get(1), delta));
          }
        });
    return new CostSummary(out, costs.unknown);
  }

  private void add(ResourceChange change) {
    if (!change.action().changes()) {
      return;
    }
    var joining =
        change
            .desired()
            .filter(DesiredResource.OfInstance.class::isInstance)
            .map(d -> ((DesiredResource.OfInstance) d).instance().plan());
    // A create of a recorded instance re-creates one gone at its broker: nothing is charged for
    // the gone one any more, so only the new one counts.
    var leaving =
        change
            .recorded()
            .filter(r -> change.action() != Action.CREATE)
            .filter(InstanceState.class::isInstance)
            .map(r -> (InstanceState) r);
    if (leaving.isPresent()
        && joining.isPresent()
        && leaving.get().plan().id().equals(joining.get().id())) {
      return;
    }
    joining.ifPresent(plan -> count(plan, BigDecimal.ONE));
    if (leaving.isPresent()) {
      var recorded = leaving.get();
      var plan = recordedPlan(recorded);
      if (plan.isPresent()) {
        count(plan.get(), BigDecimal.ONE.negate());
      } else {
        unknown.add(change.address().toString());
      }
    }
  }

  private Optional<ServicePlan> recordedPlan(InstanceState recorded) {
    return Optional.ofNullable(catalogs.get(recorded.broker()))
        .flatMap(c -> c.serviceById(recorded.service().id()))
        .flatMap(s -> s.planById(recorded.plan().id()));
  }

  private void count(ServicePlan plan, BigDecimal sign) {
    for (PlanCost cost : plan.metadata().costs()) {
      cost.amount()
          .forEach(
              (currency, amount) ->
                  totals.merge(
                      List.of(currency, cost.unit()), amount.multiply(sign), BigDecimal::add));
    }
  }

  private static int compareKeys(List<String> a, List<String> b) {
    var byCurrency = a.get(0).compareTo(b.get(0));
    return byCurrency != 0 ? byCurrency : a.get(1).compareTo(b.get(1));
  }
}
