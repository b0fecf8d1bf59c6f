package dev.catalog.plan;

import dev.catalog.CatalogException;
import dev.catalog.state.Address;
import java.util.List;

/**
 * How to plan, from the command line.
 *
 * @param refresh read live resources ({@code --refresh}, default true)
 * @param parallelism how many reads may be in flight at once ({@code --parallelism}, default 10)
 * @param targets limit the plan to these resources and their dependencies ({@code --target})
 * @param replace resources to replace even if nothing changed ({@code --replace}, issue 14)
 */
public record PlanOptions(
    boolean refresh, int parallelism, List<Address> targets, List<Address> replace) {
  /** The default parallelism, as PRODUCT.md section 5 gives for apply. */
  public static final int DEFAULT_PARALLELISM = 10;

  public PlanOptions {
    if (parallelism < 1) {
      throw new CatalogException("--parallelism must be at least 1, not " + parallelism);
    }
    targets = List.copyOf(targets);
    replace = List.copyOf(replace);
  }

  /** Options that replace nothing unless it changed. */
  public PlanOptions(boolean refresh, int parallelism, List<Address> targets) {
    this(refresh, parallelism, targets, List.of());
  }

  /** Refresh, default parallelism, no targets. */
  public static PlanOptions defaults() {
    return new PlanOptions(true, DEFAULT_PARALLELISM, List.of());
  }
}
