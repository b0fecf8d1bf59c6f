package dev.catalog.plan;

import static dev.catalog.testbroker.BrokerCatalog.DB_SERVICE_ID;
import static dev.catalog.testbroker.BrokerCatalog.DB_SMALL_PLAN_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.state.StateStore;
import dev.catalog.state.backend.local.LocalBackend;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** {@code catalog plan} end to end against the Spring Cloud OSB reference broker. */
class PlanAgainstReferenceBrokerIT extends AgainstReferenceBroker {

  @Test
  void planShowsNoChangesWhenTheBrokerMatchesTheState() {
    provisionAndBind();

    var run = run("plan", "--detailed-exitcode");

    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo("No changes. Live state matches the configuration.\n");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void planRecreatesAnInstanceDeletedDirectlyOnTheBroker() {
    var id = provisionAndBind();
    client.deprovision(id, new dev.catalog.osb.OfferingRef(DB_SERVICE_ID, DB_SMALL_PLAN_ID));

    var run = run("plan", "--detailed-exitcode");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out())
        .contains("  # instance.orders-db has been deleted outside of catalog\n")
        .contains("  # instance.orders-db will be created (it no longer exists at the broker)\n")
        .contains("  # binding.orders-app will be created (its instance is replaced)\n")
        .endsWith("Plan: 2 to add, 0 to change, 0 to destroy.\n");
  }

  @Test
  void planCitesTheYamlLocationOfAParameterTheSchemaRefuses() throws IOException {
    Files.writeString(config, yaml(broker.baseUrl("data").toString(), "small", 500));

    var run = run("plan");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            config
                + ":15:19: instances[0].parameters.storage_gb:"
                + " must have a maximum value of 100\n1 error.\n");
    assertThat(broker.ledger().instances()).noneMatch(i -> i.parameters().containsValue(500));
  }

  @Test
  void planSuggestsTheNearestPlanNameForAnUnknownOne() throws IOException {
    Files.writeString(config, yaml(broker.baseUrl("data").toString(), "smal", 20));

    var run = run("plan");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            config
                + ":13:11: instances[0].plan: unknown plan \"smal\""
                + " for service \"db\" on broker \"ref\"; did you mean \"small\"?\n1 error.\n");
  }

  @Test
  void planCreatesEverythingForAnEmptyState() {
    var run = run("plan", "--detailed-exitcode", "--no-color");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out())
        .contains(
            "  + instance.orders-db (broker \"ref\")\n"
                + "      + broker = \"ref\"\n      + service = \"db\"\n      + plan = \"small\"\n"
                + "      + parameters.storage_gb = 20\n")
        .endsWith("Plan: 2 to add, 0 to change, 0 to destroy.\n");
  }

  @Test
  void savesAPlanThatRecordsTheStateItWasMadeAgainst() throws IOException {
    provisionAndBind();
    Files.writeString(config, yaml(broker.baseUrl("data").toString(), "small", 30));
    var out = dir.resolve("plan.json");

    var run = run("plan", "--out", out.toString(), "--format", "json");

    assertThat(run.exitCode()).isZero();
    var saved = SavedPlan.parse(Files.readAllBytes(out), "plan.json");
    var state = new StateStore(new LocalBackend(dir.resolve("catalog.state.json")), "t").read();
    saved.check(state.state(), "local:" + dir.resolve("catalog.state.json").toAbsolutePath());
    assertThat(saved.serial()).isEqualTo(state.state().serial());
    assertThat(saved.plan().at("/counts/change").asInt()).isEqualTo(1);
    assertThat(RecordedFixture.json(run.out())).isEqualTo(saved.plan());
  }

  @Test
  void planWithoutRefreshReadsNoInstanceAndSaysSo() {
    var id = provisionAndBind();
    client.deprovision(id, new dev.catalog.osb.OfferingRef(DB_SERVICE_ID, DB_SMALL_PLAN_ID));

    var run = run("plan", "--refresh=false", "--detailed-exitcode");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            """
            Warning: --refresh=false: no catalog was read; service and plan ids come from state
            Warning: --refresh=false: live resources were not read; drift cannot be seen

            No changes. The configuration matches the recorded state; live state was not read\
             (--refresh=false).
            """);
  }

  @Test
  void targetLimitsThePlanToTheResourceAndItsInstance() {
    var run = run("plan", "--target", "binding.orders-app");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith(
            "Warning: this plan is partial: --target limited it to"
                + " binding.orders-app and their dependencies; other changes may be pending.\n")
        .contains("  + instance.orders-db (broker \"ref\")\n")
        .contains("  + binding.orders-app (broker \"ref\")\n");
  }
}
