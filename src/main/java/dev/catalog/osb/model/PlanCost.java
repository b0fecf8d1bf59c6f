package dev.catalog.osb.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One entry of a plan's {@code metadata.costs} (the OSB profile's catalog metadata convention): an
 * amount per currency for a unit such as {@code MONTHLY}. Currencies are upper-cased ISO codes.
 *
 * @param amount amount by currency code, sorted
 * @param unit what the amount is charged per, as the broker wrote it
 */
public record PlanCost(SortedMap<String, BigDecimal> amount, String unit) {
  public PlanCost {
    amount = Collections.unmodifiableSortedMap(new TreeMap<>(amount));
    Objects.requireNonNull(unit, "unit");
  }
}
