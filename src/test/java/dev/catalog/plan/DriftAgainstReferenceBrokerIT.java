package dev.catalog.plan;

import static dev.catalog.testbroker.BrokerCatalog.DB_LARGE_PLAN_ID;
import static dev.catalog.testbroker.BrokerCatalog.DB_SERVICE_ID;
import static dev.catalog.testbroker.BrokerCatalog.DB_SMALL_PLAN_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.osb.UpdateRequest;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code catalog drift} end to end against the Spring Cloud OSB reference broker. */
class DriftAgainstReferenceBrokerIT extends AgainstReferenceBroker {

  @Test
  void driftExitsTwoAndNamesThePlanChangedDirectlyOnTheBroker() {
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

    var run = run("drift");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out())
        .isEqualTo(
            """
            Note: objects have changed outside of catalog

              # instance.orders-db has changed outside of catalog
              ~ instance.orders-db
                  ~ plan = "small" -> "large"

            Drift: 1 resource has changed outside of catalog.
            """);
  }

  @Test
  void driftNamesAParameterChangedDirectlyOnTheBrokerAndThePlanSetsItBack() {
    var id = provisionAndBind();
    client.update(
        id,
        new UpdateRequest(
            DB_SERVICE_ID,
            Optional.empty(),
            RecordedFixture.context("orders-db"),
            Optional.of(RecordedFixture.params(Map.of("storage_gb", 50))),
            Optional.empty(),
            Optional.of(DB_SMALL_PLAN_ID),
            Optional.empty()));

    var drift = run("drift", "--format", "json");
    var plan = run("plan", "--detailed-exitcode");

    assertThat(drift.exitCode()).isEqualTo(2);
    var doc = RecordedFixture.json(drift.out());
    assertThat(doc.at("/resource_drift/0/address").asText()).isEqualTo("instance.orders-db");
    assertThat(doc.at("/resource_drift/0/fields/0/path").asText())
        .isEqualTo("parameters.storage_gb");
    assertThat(doc.at("/resource_drift/0/fields/0/after").asInt()).isEqualTo(50);
    assertThat(plan.exitCode()).isEqualTo(2);
    assertThat(plan.out())
        .contains(
            """
              # instance.orders-db will be updated in place (parameters changed)
              ~ instance.orders-db (broker "ref")
                  ~ parameters.storage_gb = 50 -> 20
            """)
        .endsWith("Plan: 0 to add, 1 to change, 0 to destroy.\n");
  }

  @Test
  void driftExitsZeroWhenNothingChangedAtTheBroker() {
    provisionAndBind();

    var run = run("drift", "--format", "markdown");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("**No drift. Live state matches the recorded state.**\n\n");
  }
}
