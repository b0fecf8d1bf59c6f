package dev.catalog.plan;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How much a plan changes what is charged in one currency per one unit, from the catalog plans'
 * {@code metadata.costs}: the costs of the plans instances leave are subtracted, the costs of the
 * plans they join added.
 *
 * @param currency upper-case currency code, e.g. {@code USD}
 * @param unit the catalog's unit, e.g. {@code MONTHLY}
 * @param delta the change; negative when the plan makes things cheaper
 */
public record CostChange(String currency, String unit, BigDecimal delta) {
  public CostChange {
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(delta, "delta");
  }
}
