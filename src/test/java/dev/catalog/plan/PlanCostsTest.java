package dev.catalog.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.state.Address;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanCostsTest {
  private static ResourceChange delete(String name, String broker) {
    var recorded =
        PlanFixtures.instance(name, broker, PlanFixtures.DB, PlanFixtures.SMALL, "{}", null);
    return new ResourceChange(
        Address.instance(name),
        Action.DELETE,
        List.of(ActionReason.REMOVED_FROM_CONFIG),
        broker,
        List.of(),
        Optional.empty(),
        Optional.of(recorded),
        Optional.empty());
  }

  @Test
  void aDeleteSubtractsItsPlansCostsFromTheCatalogRead() {
    var costs = PlanCosts.of(List.of(delete("old", "acme")), Map.of("acme", TestCatalogs.acme()));
    assertThat(costs)
        .isEqualTo(
            new CostSummary(
                List.of(new CostChange("USD", "MONTHLY", new BigDecimal("-10"))), List.of()));
  }

  @Test
  void aDeleteWhosePlanIsNotInACatalogReadIsNamedAsNotCounted() {
    var costs = PlanCosts.of(List.of(delete("old", "acme")), Map.of());
    assertThat(costs).isEqualTo(new CostSummary(List.of(), List.of("instance.old")));
  }
}
