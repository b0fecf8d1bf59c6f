package dev.catalog.plan;

import static dev.catalog.testbroker.BrokerCatalog.DB_LARGE_PLAN_ID;
import static dev.catalog.testbroker.BrokerCatalog.DB_SERVICE_ID;
import static dev.catalog.testbroker.BrokerCatalog.DB_SMALL_PLAN_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.Secret;
import dev.catalog.cli.CliRun;
import dev.catalog.osb.BrokerAuth;
import dev.catalog.osb.BrokerClient;
import dev.catalog.osb.BrokerConnection;
import dev.catalog.osb.UpdateRequest;
import dev.catalog.state.OfferingRef;
import dev.catalog.state.StateStore;
import dev.catalog.state.backend.local.LocalBackend;
import dev.catalog.testbroker.ReferenceBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code catalog plan} and {@code catalog drift} end to end against the Spring Cloud OSB reference
 * broker, with recorded state set up as apply records it.
 */
@Timeout(120)
class PlanAgainstReferenceBrokerIT {
  private static final String PASSWORD = "plan-it-broker-pw";
  private static final OfferingRef DB = new OfferingRef(DB_SERVICE_ID, "db");
  private static final OfferingRef SMALL = new OfferingRef(DB_SMALL_PLAN_ID, "small");
  private static ReferenceBroker broker;

  @TempDir Path dir;
  private BrokerClient client;
  private RecordedFixture recorded;
  private Path config;

  @BeforeAll
  static void startBroker() {
    var clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    broker = ReferenceBroker.start(ReferenceBroker.Options.forTests(PASSWORD, clock));
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @BeforeEach
  void setUp() throws IOException {
    var url = broker.baseUrl("data");
    client =
        BrokerClient.create(
            BrokerConnection.of(
                url, BrokerAuth.basic(ReferenceBroker.USERNAME, Secret.of(PASSWORD))));
    var store = new StateStore(new LocalBackend(dir.resolve("catalog.state.json")), "test");
    recorded = new RecordedFixture(client, store, "ref");
    config = dir.resolve("catalog.yaml");
    Files.writeString(config, yaml(url.toString(), "small", 20));
  }

  private static String yaml(String url, String plan, int storage) {
    return """
           apiVersion: catalog/v1
           brokers:
             - name: ref
               url: %s
               auth:
                 basic:
                   username: admin
                   password: { fromEnv: BROKER_PW }
           instances:
             - name: orders-db
               broker: ref
               service: db
               plan: %s
               parameters:
                 storage_gb: %d
           bindings:
             - name: orders-app
               instance: orders-db
               credentials:
                 file: { path: out/orders.json }
           """
        .formatted(url, plan, storage);
  }

  private CliRun run(String... args) {
    var all = new String[args.length + 2];
    all[0] = args[0];
    all[1] = "-f";
    all[2] = config.toString();
    System.arraycopy(args, 1, all, 3, args.length - 1);
    return CliRun.run(Map.of("BROKER_PW", PASSWORD), all);
  }

  private String provisionAndBind() {
    var id =
        recorded.instance(
            "orders-db",
            DB,
            SMALL,
            RecordedFixture.params(Map.of("storage_gb", 20)),
            Optional.of("1.0.0"));
    recorded.binding("orders-app", "orders-db", id, DB, SMALL);
    return id;
  }

  @Test
  void planShowsNoChangesWhenTheBrokerMatchesTheState() {
    provisionAndBind();

    var run = run("plan", "--detailed-exitcode");

    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo("No changes. Live state matches the configuration.\n");
    assertThat(run.exitCode()).isZero();
  }

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
  void planRecreatesAnInstanceDeletedDirectlyOnTheBroker() {
    var id = provisionAndBind();
    client.deprovision(id, new dev.catalog.osb.OfferingRef(DB_SERVICE_ID, DB_SMALL_PLAN_ID));

    var run = run("plan", "--detailed-exitcode");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out())
        .contains("  # instance.orders-db has been deleted outside of catalog\n")
        .contains("  # instance.orders-db will be created (it no longer exists at the broker)\n")
        .contains("  # binding.orders-app must be replaced (its instance is replaced)\n")
        .endsWith("Plan: 2 to add, 0 to change, 1 to destroy.\n");
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
  void driftExitsZeroWhenNothingChangedAtTheBroker() {
    provisionAndBind();

    var run = run("drift", "--format", "markdown");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("**No drift. Live state matches the recorded state.**\n\n");
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

            No changes. Live state matches the configuration.
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
