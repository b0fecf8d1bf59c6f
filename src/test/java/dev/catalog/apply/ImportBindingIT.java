package dev.catalog.apply;

import static dev.catalog.apply.ApplyLifecycleIT.binding;
import static dev.catalog.apply.ApplyLifecycleIT.db;
import static dev.catalog.apply.ApplyLifecycleIT.queue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.state.Imported;
import dev.catalog.testbroker.BrokerCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code catalog import} of bindings against the reference broker: credentials read back go to the
 * configured sink and nowhere else; a binding that cannot be read leaves its sink alone. The broker
 * must serve only GETs during every import.
 */
@Timeout(300)
class ImportBindingIT {
  private static final ObjectMapper JSON = new ObjectMapper();

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
  void anImportedBindingsCredentialsGoToItsFileSinkAndNowhereElse() throws IOException {
    var instanceId = harness.provisionDb(BrokerCatalog.DB_SMALL_PLAN_ID, 20);
    var bindingId =
        harness.bind(
            "data", instanceId, BrokerCatalog.DB_SERVICE_ID, BrokerCatalog.DB_SMALL_PLAN_ID);
    var sink = harness.dir().resolve("orders-app.json");
    harness.configure(
        db("orders-db", "small", 20), binding("orders-app", "orders-db", sink.toString()));
    assertThat(harness.importing("instance.orders-db", instanceId).exitCode()).isZero();

    var imported = harness.importing("--verbose", "binding.orders-app", bindingId);

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out())
        .isEqualTo(
            "Imported binding.orders-app (id "
                + bindingId
                + ") from broker data; its credentials were written to file "
                + sink
                + ".\n");
    assertThat(harness.requests())
        .containsExactly(
            "GET /data/v2/catalog",
            "GET /data/v2/service_instances/" + instanceId + "/service_bindings/" + bindingId);
    var credentials = harness.broker().ledger().binding(bindingId).orElseThrow().credentials();
    assertThat(JSON.readValue(sink.toFile(), Map.class)).isEqualTo(credentials);
    var recorded = harness.bindingState("orders-app");
    assertThat(recorded.credentialsFingerprint())
        .hasValueSatisfying(f -> assertThat(f).startsWith("hmac-sha256:"));
    assertThat(recorded.sink().map(ImportMessages::describe)).contains("file " + sink);
    assertThat(recorded.imported().map(Imported::verified)).contains(true);

    var plan = harness.run("plan", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
    var everythingButTheSink = new StringBuilder(imported.out() + imported.err() + plan.out());
    try (var files = Files.list(harness.dir())) {
      for (var file : files.filter(f -> !f.equals(sink)).toList()) {
        everythingButTheSink.append(Files.readString(file));
      }
    }
    for (var value : credentials.values()) {
      assertThat(everythingButTheSink.toString()).doesNotContain(value.toString());
    }
    assertThat(imported.err()).contains("GET ").doesNotContain("PUT ");
  }

  @Test
  void aBindingTheBrokerCannotReadBackIsRecordedWithoutCredentialsAndItsSinkLeftAlone()
      throws IOException {
    var instanceId = harness.provisionQueue();
    var bindingId =
        harness.bind(
            "messaging",
            instanceId,
            BrokerCatalog.QUEUE_SERVICE_ID,
            BrokerCatalog.QUEUE_STANDARD_PLAN_ID);
    var sink = harness.dir().resolve("jobs-app.json");
    harness.configure(queue("jobs"), binding("jobs-app", "jobs", sink.toString()));
    assertThat(harness.importing("instance.jobs", instanceId).exitCode()).isZero();

    var imported = harness.importing("binding.jobs-app", bindingId);

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out())
        .isEqualTo(
            "Note: binding.jobs-app: its sink was left as it is. catalog cannot obtain the"
                + " credentials of this binding; to get new ones, remove it from the configuration"
                + " and apply (unbind), then declare it again and apply (bind).\n"
                + "Imported binding.jobs-app (id "
                + bindingId
                + ") unverified: service \"queue\" of broker messaging does not allow reading"
                + " bindings back (bindings_retrievable is false), so the configured parameters"
                + " were recorded and no credentials were delivered.\n");
    assertThat(harness.requests()).containsExactly("GET /messaging/v2/catalog");
    assertThat(sink).doesNotExist();
    var recorded = harness.bindingState("jobs-app");
    assertThat(recorded.credentialsFingerprint()).isEmpty();
    assertThat(recorded.sink()).isEmpty();
    assertThat(recorded.imported().map(Imported::verified)).contains(false);
  }

  @Test
  void anUnknownBindingIdIsAnErrorAndNeitherStateNorSinkChange() throws IOException {
    var instanceId = harness.provisionDb(BrokerCatalog.DB_SMALL_PLAN_ID, 20);
    var sink = harness.dir().resolve("orders-app.json");
    harness.configure(
        db("orders-db", "small", 20), binding("orders-app", "orders-db", sink.toString()));
    assertThat(harness.importing("instance.orders-db", instanceId).exitCode()).isZero();
    var before = Files.readString(harness.stateFile());
    var unknown = UUID.randomUUID().toString();

    var imported = harness.importing("binding.orders-app", unknown);

    assertThat(imported.exitCode()).isEqualTo(1);
    assertThat(imported.err())
        .isEqualTo(
            "Error: binding.orders-app: broker \"data\" has no binding "
                + unknown
                + " of instance "
                + instanceId
                + " (404: absent, or still being created); state is unchanged\n");
    assertThat(Files.readString(harness.stateFile())).isEqualTo(before);
    assertThat(sink).doesNotExist();
    assertThat(harness.requests()).allSatisfy(r -> assertThat(r).startsWith("GET "));
  }

  private static String bindingWithParameters(String sink) {
    return """
    - name: orders-app
      instance: orders-db
      parameters: { role: reader }
      credentials:
        file: { path: %s }
    """
        .formatted(sink);
  }

  @Test
  void aBindingWithOtherParametersAtTheBrokerIsPlannedForReplacement() throws IOException {
    var instanceId = harness.provisionDb(BrokerCatalog.DB_SMALL_PLAN_ID, 20);
    var bindingId = harness.bindDb(instanceId, JSON.createObjectNode().put("role", "writer"));
    var sink = harness.dir().resolve("orders-app.json");
    harness.configure(db("orders-db", "small", 20), bindingWithParameters(sink.toString()));
    assertThat(harness.importing("instance.orders-db", instanceId).exitCode()).isZero();

    var imported = harness.importing("binding.orders-app", bindingId);

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(harness.bindingState("orders-app").parameters().values())
        .isEqualTo(JSON.createObjectNode().put("role", "writer"));
    var plan = harness.run("plan", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.err()).isEqualTo(2);
    assertThat(plan.out())
        .contains("+/- binding.orders-app")
        .contains("Plan: 1 to add, 0 to change, 1 to destroy.");
  }

  @Test
  void aBindingWhoseParametersTheBrokerOmitsIsRecordedWithTheConfiguredOnesAndANote()
      throws IOException {
    var instanceId = harness.provisionDb(BrokerCatalog.DB_SMALL_PLAN_ID, 20);
    // Bound without parameters: the broker's GET then leaves "parameters" out (F-09).
    var bindingId =
        harness.bind(
            "data", instanceId, BrokerCatalog.DB_SERVICE_ID, BrokerCatalog.DB_SMALL_PLAN_ID);
    var sink = harness.dir().resolve("orders-app.json");
    harness.configure(db("orders-db", "small", 20), bindingWithParameters(sink.toString()));
    assertThat(harness.importing("instance.orders-db", instanceId).exitCode()).isZero();

    var imported = harness.importing("binding.orders-app", bindingId);

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out())
        .isEqualTo(
            "Note: binding.orders-app: broker \"data\" did not report its parameters (OSB allows"
                + " that, checklist F-09); the configured ones were recorded, so plan cannot show"
                + " differences in them\n"
                + "Imported binding.orders-app (id "
                + bindingId
                + ") from broker data; its credentials were written to file "
                + sink
                + ".\n");
    assertThat(harness.bindingState("orders-app").parameters().values())
        .isEqualTo(JSON.createObjectNode().put("role", "reader"));
    assertThat(harness.run("plan", "--detailed-exitcode").exitCode()).isZero();
  }
}
