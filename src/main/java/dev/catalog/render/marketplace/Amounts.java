package dev.catalog.render.marketplace;

import java.math.BigDecimal;

/** Prices as people write them: {@code 99.00}, {@code 0.015}, never {@code 9.9E+1}. */
final class Amounts {
  private Amounts() {}

  static String of(BigDecimal amount) {
    var scale = Math.max(2, amount.stripTrailingZeros().scale());
    return amount.setScale(scale).toPlainString();
  }
}
