package dev.catalog.apply;

import static dev.catalog.apply.ApplyLifecycleIT.db;
import static dev.catalog.apply.ApplyLifecycleIT.queue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.catalog.state.Imported;
import dev.catalog.testbroker.BrokerCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code catalog import} of instances against the reference broker: instances are made at the
 * broker first, then adopted. The broker must serve only GETs during every import.
 */
@Timeout(300)
class ImportInstanceIT {
  @TempDir Path dir;
  private ImportHarness harness;

  @BeforeEach
  void startBroker() {
    harness = ImportHarness.start(dir);
  }

  @AfterEach
  void stopBroker() {
    harness.close();
  }

  @Test
  void anImportedInstanceMatchingTheConfigurationPlansNoChanges() throws IOException {
    var id = harness.provisionDb(BrokerCatalog.DB_SMALL_PLAN_ID, 20);
    harness.configure(db("orders-db", "small", 20), "");

    var imported = harness.importing("instance.orders-db", id);

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out())
        .isEqualTo("Imported instance.orders-db (id " + id + ") from broker data.\n");
    assertThat(imported.err()).isEmpty();
    assertThat(harness.requests())
        .containsExactly("GET /data/v2/catalog", "GET /data/v2/service_instances/" + id);
    var recorded = harness.instance("orders-db");
    assertThat(recorded.instanceId()).isEqualTo(id);
    assertThat(recorded.plan().id()).isEqualTo(BrokerCatalog.DB_SMALL_PLAN_ID);
    assertThat(recorded.parameters().values())
        .isEqualTo(JsonNodeFactory.instance.objectNode().put("storage_gb", 20));
    assertThat(recorded.dashboardUrl()).contains("http://dashboard.example/instances/" + id);
    assertThat(recorded.imported().map(Imported::verified)).contains(true);
    assertThat(recorded.lastOperation()).isEmpty();

    var plan = harness.run("plan", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
    assertThat(plan.out()).isEqualTo("No changes. Live state matches the configuration.\n");
    assertThat(harness.broker().ledger().instances()).hasSize(1);
  }

  @Test
  void anInstanceThatDiffersFromTheConfigurationShowsAnUpdateAndApplyConverges()
      throws IOException {
    var id = harness.provisionDb(BrokerCatalog.DB_LARGE_PLAN_ID, 30);
    harness.configure(db("orders-db", "small", 20), "");

    var imported = harness.importing("instance.orders-db", id);
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(harness.instance("orders-db").plan().name()).isEqualTo("large");

    var plan = harness.run("plan", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.err()).isEqualTo(2);
    assertThat(plan.out())
        .contains("~ instance.orders-db")
        .contains("Plan: 0 to add, 1 to change, 0 to destroy.");
    assertThat(plan.out()).contains("large").contains("30");

    var apply = harness.run("apply", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    var ledger = harness.broker().ledger().instance(id).orElseThrow();
    assertThat(ledger.planId()).isEqualTo(BrokerCatalog.DB_SMALL_PLAN_ID);
    assertThat(ledger.parameters()).isEqualTo(Map.of("storage_gb", 20));
    assertThat(harness.instance("orders-db").imported()).isEmpty();
    assertThat(harness.run("plan", "--detailed-exitcode").exitCode()).isZero();
  }

  @Test
  void anInstanceTheBrokerCannotReadBackIsRecordedUnverifiedFromTheConfiguration()
      throws IOException {
    var id = harness.provisionQueue();
    harness.configure(queue("jobs"), "");

    var imported = harness.importing("instance.jobs", id);

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out())
        .isEqualTo(
            "Imported instance.jobs (id "
                + id
                + ") unverified: service \"queue\" of broker messaging does not allow reading"
                + " instances back (instances_retrievable is false), so the configured service,"
                + " plan and parameters were recorded.\n");
    // F-01: no GET of the instance, only the catalog that says so.
    assertThat(harness.requests()).containsExactly("GET /messaging/v2/catalog");
    var recorded = harness.instance("jobs");
    assertThat(recorded.plan().id()).isEqualTo(BrokerCatalog.QUEUE_STANDARD_PLAN_ID);
    assertThat(recorded.imported().map(Imported::verified)).contains(false);
    assertThat(Files.readString(harness.stateFile()))
        .contains("\"imported\": {")
        .contains("\"verified\": false");

    var plan = harness.run("plan", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
    assertThat(plan.out())
        .contains(
            "instance.jobs: imported unverified at "
                + recorded.imported().orElseThrow().at()
                + " (its broker does not allow reading it back): plan assumes it matches the"
                + " configuration");
  }

  @Test
  void anIdTheBrokerDoesNotKnowIsAnErrorAndLeavesStateUntouched() throws IOException {
    harness.configure(db("orders-db", "small", 20), "");
    var unknown = UUID.randomUUID().toString();

    var imported = harness.importing("instance.orders-db", unknown);

    assertThat(imported.exitCode()).isEqualTo(1);
    assertThat(imported.out()).isEmpty();
    assertThat(imported.err())
        .isEqualTo(
            "Error: instance.orders-db: broker \"data\" has no instance "
                + unknown
                + " (404: absent, or still being provisioned); state is unchanged\n");
    assertThat(harness.stateFile()).doesNotExist();
    assertThat(harness.requests()).allSatisfy(r -> assertThat(r).startsWith("GET "));
  }

  @Test
  void anAddressTheConfigurationDoesNotDeclareIsRefusedBeforeAnythingIsSent() throws IOException {
    var id = harness.provisionDb(BrokerCatalog.DB_SMALL_PLAN_ID, 20);
    harness.configure(db("orders-db", "small", 20), "");

    var imported = harness.importing("instance.billing-db", id);

    assertThat(imported.exitCode()).isEqualTo(1);
    assertThat(imported.err())
        .isEqualTo(
            "Error: instance.billing-db is not declared in the configuration: declare it first,"
                + " so catalog knows what it should be\n");
    assertThat(harness.requests()).isEmpty();
    assertThat(harness.stateFile()).doesNotExist();
  }

  @Test
  void anAddressAlreadyInStateIsRefusedAndTheStateKept() throws IOException {
    var id = harness.provisionDb(BrokerCatalog.DB_SMALL_PLAN_ID, 20);
    harness.configure(db("orders-db", "small", 20), "");
    assertThat(harness.importing("instance.orders-db", id).exitCode()).isZero();
    var before = Files.readString(harness.stateFile());

    var again =
        harness.importing(
            "instance.orders-db", harness.provisionDb(BrokerCatalog.DB_SMALL_PLAN_ID, 20));

    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err())
        .isEqualTo(
            "Error: instance.orders-db is already in state local:"
                + harness.stateFile()
                + " (id "
                + id
                + "): to import it again, first forget it with 'catalog state rm"
                + " instance.orders-db'\n");
    assertThat(harness.requests()).isEmpty();
    assertThat(Files.readString(harness.stateFile())).isEqualTo(before);
  }

  @Test
  void aBrokerErrorOnTheReadLeavesStateUntouchedAndNothingIsDeleted() throws IOException {
    var id = harness.provisionDb(BrokerCatalog.DB_SMALL_PLAN_ID, 20);
    harness.configure(db("orders-db", "small", 20), "");
    harness.failReadsAfterCatalog(4); // every attempt of the retried GET

    var imported = harness.importing("instance.orders-db", id);

    assertThat(imported.exitCode()).isEqualTo(1);
    assertThat(imported.out()).isEmpty();
    // The whole message; only the request id the client generates varies.
    assertThat(imported.err())
        .matches(
            Pattern.quote(
                    "Error: instance.orders-db: fetch instance \""
                        + id
                        + "\": broker \"data\" returned 500 Internal Server Error (InjectedFault):"
                        + " \"injected 500\" [request ")
                + "[0-9a-f-]{36}"
                + Pattern.quote("]; state is unchanged\n"));
    assertThat(harness.stateFile()).doesNotExist();
    assertThat(harness.requests()).containsExactly("GET /data/v2/catalog");
    assertThat(harness.broker().ledger().instance(id)).isPresent();
  }
}
