package dev.catalog.plan;

import static dev.catalog.testbroker.BrokerCatalog.DB_LARGE_PLAN_ID;
import static dev.catalog.testbroker.BrokerCatalog.DB_SERVICE_ID;
import static dev.catalog.testbroker.BrokerCatalog.DB_SMALL_PLAN_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.osb.UpdateRequest;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code --target} on graph and drift, as on plan (issue 17). */
class TargetedGraphAndDriftIT extends AgainstReferenceBroker {

  @Test
  void graphWithATargetShowsOnlyThatResourceAndItsDependencies() {
    // Nothing applied yet: both are to be created, so both are in the full graph.
    var all = run("graph", "--refresh", "false");
    var targeted = run("graph", "--refresh", "false", "--target", "instance.orders-db");

    assertThat(all.out()).contains("\"instance.orders-db\"").contains("\"binding.orders-app\"");
    assertThat(targeted.exitCode()).as(targeted.err()).isZero();
    assertThat(targeted.out())
        .contains("\"instance.orders-db\"")
        .doesNotContain("binding.orders-app");
  }

  @Test
  void driftWithATargetReportsThatResourcesDriftAndAMisspeltOneGetsASuggestion() {
    var id = provisionAndBind();
    client.update(
        id,
        new UpdateRequest(
            DB_SERVICE_ID,
            Optional.of(DB_LARGE_PLAN_ID),
            RecordedFixture.context("orders-db"),
            Optional.empty(),
            Optional.empty(),
            Optional.of(DB_SMALL_PLAN_ID),
            Optional.empty()));

    var drift = run("drift", "--target", "instance.orders-db");
    var misspelt = run("drift", "--target", "instance.orders-bd");

    assertThat(drift.exitCode()).isEqualTo(2);
    assertThat(drift.out())
        .contains("~ instance.orders-db\n      ~ plan = \"small\" -> \"large\"\n");
    assertThat(misspelt.exitCode()).isEqualTo(1);
    assertThat(misspelt.err())
        .isEqualTo(
            "Error: --target instance.orders-bd: no such resource in the configuration or the"
                + " state; did you mean \"instance.orders-db\"?\n");
  }
}
