package dev.catalog.plan;

import java.util.List;

/**
 * The cost change of a plan per currency and unit, and the instances whose previous plan's costs
 * are unknown because their broker's catalog was not read or no longer lists the plan.
 *
 * @param changes sorted by currency, then unit; a zero change is left out
 * @param unknown addresses of instances whose leaving cost could not be counted
 */
public record CostSummary(List<CostChange> changes, List<String> unknown) {
  public static final CostSummary NONE = new CostSummary(List.of(), List.of());

  public CostSummary {
    changes = List.copyOf(changes);
    unknown = List.copyOf(unknown);
  }

  /** Whether there is anything to show. */
  public boolean isEmpty() {
    return changes.isEmpty() && unknown.isEmpty();
  }
}
