package dev.catalog.osb.model;

import java.util.List;

/**
 * The presentation part of a plan's {@code metadata} (OSB profile): its costs and bullets. Both are
 * conventions, not rules, so a malformed entry is left out rather than failing the catalog.
 */
public record PlanMetadata(List<PlanCost> costs, List<String> bullets) {
  public static final PlanMetadata NONE = new PlanMetadata(List.of(), List.of());

  public PlanMetadata {
    costs = List.copyOf(costs);
    bullets = List.copyOf(bullets);
  }
}
