package dev.catalog.plan;

import static dev.catalog.testbroker.BrokerCatalog.DB_SERVICE_ID;
import static dev.catalog.testbroker.BrokerCatalog.DB_SMALL_PLAN_ID;

import dev.catalog.Secret;
import dev.catalog.cli.CliRun;
import dev.catalog.osb.BrokerAuth;
import dev.catalog.osb.BrokerClient;
import dev.catalog.osb.BrokerConnection;
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
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference broker, a local state and a one-instance, one-binding configuration that the plan
 * and drift ITs start from, with recorded state set up as apply records it.
 */
@Timeout(120)
abstract class AgainstReferenceBroker {
  protected static final String PASSWORD = "plan-it-broker-pw";
  protected static final OfferingRef DB = new OfferingRef(DB_SERVICE_ID, "db");
  protected static final OfferingRef SMALL = new OfferingRef(DB_SMALL_PLAN_ID, "small");
  protected static ReferenceBroker broker;

  @TempDir protected Path dir;
  protected BrokerClient client;
  protected RecordedFixture recorded;
  protected Path config;

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

  protected static String yaml(String url, String plan, int storage) {
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

  protected CliRun run(String... args) {
    var all = new String[args.length + 2];
    all[0] = args[0];
    all[1] = "-f";
    all[2] = config.toString();
    System.arraycopy(args, 1, all, 3, args.length - 1);
    return CliRun.run(Map.of("BROKER_PW", PASSWORD), all);
  }

  protected String provisionAndBind() {
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
}
