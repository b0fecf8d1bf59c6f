package dev.catalog.plan;

import static dev.catalog.testbroker.BrokerCatalog.DB_SERVICE_ID;
import static dev.catalog.testbroker.BrokerCatalog.DB_SMALL_PLAN_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.osb.UpdateRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code catalog apply PLANFILE} applies exactly the reviewed changes or refuses (issue 15, item
 * 1): against the reference broker, a parameter changed at the broker between plan and apply.
 */
class SavedPlanAgainstReferenceBrokerIT extends AgainstReferenceBroker {

  @Test
  void applyRefusesASavedPlanWhoseChangesDifferAfterDriftAtTheBrokerAndSendsNothing()
      throws IOException {
    var id = provisionAndBind();
    Files.writeString(config, yaml(broker.baseUrl("data").toString(), "small", 30));
    var planFile = dir.resolve("plan.json").toString();
    assertThat(run("plan", "--out", planFile).exitCode()).isZero();
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

    var apply = run("apply", planFile);

    assertThat(apply.exitCode()).isEqualTo(1);
    assertThat(apply.err())
        .isEqualTo(
            """
            Error: the changes apply would make now differ from the saved plan; refusing to\
             apply changes that were not reviewed:
              instance.orders-db: parameters.storage_gb: planned 20 -> 30, now 50 -> 30
              instance.orders-db: drift when planned: none, now: changed
            run "catalog plan" again and review the new plan
            """);
    assertThat(broker.ledger().instance(id).orElseThrow().parameters())
        .isEqualTo(Map.of("storage_gb", 50));
  }

  @Test
  void applyOfASavedPlanWithoutDriftAppliesIt() throws IOException {
    var id = provisionAndBind();
    Files.writeString(config, yaml(broker.baseUrl("data").toString(), "small", 30));
    var planFile = dir.resolve("plan.json").toString();
    assertThat(run("plan", "--out", planFile).exitCode()).isZero();

    var apply = run("apply", planFile);

    assertThat(apply.exitCode()).as(apply.err()).isZero();
    assertThat(apply.out()).endsWith("Apply complete! Resources: 0 added, 1 changed, 0 destroyed.\n");
    assertThat(broker.ledger().instance(id).orElseThrow().parameters())
        .isEqualTo(Map.of("storage_gb", 30));
  }

  @Test
  void applyOfASavedPlanRefusesTargetsOfItsOwn() throws IOException {
    var planFile = dir.resolve("plan.json").toString();
    assertThat(run("plan", "--out", planFile).exitCode()).isZero();

    var apply = run("apply", planFile, "--target", "instance.orders-db");

    assertThat(apply.exitCode()).isEqualTo(1);
    assertThat(apply.err())
        .isEqualTo(
            "Error: --target cannot be used with a saved plan: apply plans again with the targets"
                + " the plan was made with (catalog plan --target ... --out FILE)\n");
  }
}
