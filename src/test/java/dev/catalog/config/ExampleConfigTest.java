package dev.catalog.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.config.CredentialsTarget.FileFormat;
import dev.catalog.config.CredentialsTarget.FileTarget;
import dev.catalog.config.CredentialsTarget.SecretTarget;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Loads {@code examples/catalog.yaml} and checks that every key lands in the model. */
class ExampleConfigTest {
  static final String FILE = "examples/catalog.yaml";
  final CatalogConfig config = new ConfigLoader(Map.of()).load(List.of(Path.of(FILE)));

  @Test
  void bindsBrokersWithTheirSettingsAndDefaults() {
    var data = config.broker("data").orElseThrow();
    assertThat(data.url()).isEqualTo(URI.create("http://127.0.0.1:8080/data"));
    assertThat(data.apiVersion()).isEqualTo("2.17");
    assertThat(data.auth())
        .contains(
            new BrokerAuthRefs.Basic(
                new SecretRef.Literal("admin", "brokers[0].auth.basic.username", loc(27, 19)),
                new SecretRef.FromEnv(
                    "DEMO_BROKER_PASSWORD", "brokers[0].auth.basic.password", loc(29, 19))));
    assertThat(data.timeouts())
        .isEqualTo(new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)));
    assertThat(data.concurrency()).isEqualTo(4);
    assertThat(data.tls()).isEqualTo(Tls.defaults());
    assertThat(data.location()).isEqualTo(loc(22, 5));

    var messaging = config.broker("messaging").orElseThrow();
    assertThat(messaging.apiVersion()).isEqualTo(Broker.DEFAULT_API_VERSION);
    assertThat(messaging.timeouts()).isEqualTo(Timeouts.defaults());
    assertThat(messaging.concurrency()).isEqualTo(Broker.DEFAULT_CONCURRENCY);
    var identity = messaging.originatingIdentity().orElseThrow();
    assertThat(identity.platform()).isEqualTo("catalog");
    assertThat(identity.value().toString()).isEqualTo("{\"user\":\"ci-pipeline\"}");
  }

  @Test
  void bindsInstancesWithParametersContextAndLifecycle() throws Exception {
    var ordersDb = config.instance("orders-db").orElseThrow();
    assertThat(ordersDb.broker()).isEqualTo("data");
    assertThat(ordersDb.service()).isEqualTo("db");
    assertThat(ordersDb.plan()).isEqualTo("small");
    // Equal to what Jackson reads from JSON, so the planner can compare with recorded state.
    var json = new ObjectMapper();
    assertThat(ordersDb.parameters().toJson()).isEqualTo(json.readTree("{\"storage_gb\":20}"));
    assertThat(ordersDb.context().toJson()).isEqualTo(json.readTree("{\"namespace\":\"shop\"}"));
    assertThat(ordersDb.maintenance()).isEqualTo(Maintenance.AUTO);
    assertThat(ordersDb.lifecycle()).isEqualTo(new Lifecycle(true, List.of()));

    var reportsDb = config.instance("reports-db").orElseThrow();
    assertThat(reportsDb.maintenance()).isEqualTo(Maintenance.PINNED);
    assertThat(reportsDb.lifecycle()).isEqualTo(Lifecycle.defaults());
    assertThat(config.instance("orders-queue").orElseThrow().parameters().isEmpty()).isTrue();
  }

  @Test
  void bindsBothKindsOfCredentialsSink() {
    assertThat(config.binding("orders-db-app").orElseThrow().credentials())
        .isEqualTo(
            new SecretTarget(
                "shop",
                "orders-db",
                List.of(
                    new KeyTransform.RenameKey("uri", "DATABASE_URL"),
                    new KeyTransform.AddKey("DATABASE_POOL_SIZE", "10"))));
    assertThat(config.binding("reports-db-app").orElseThrow().credentials())
        .isEqualTo(
            new SecretTarget(
                "reporting", "reports-db", List.of(new KeyTransform.JsonKey("credentials.json"))));
    var file = (FileTarget) config.binding("orders-queue-worker").orElseThrow().credentials();
    assertThat(file.path()).isEqualTo(Path.of("examples/out/orders-queue.env"));
    assertThat(file.written()).isEqualTo("out/orders-queue.env");
    assertThat(file.mode()).isEqualTo("0600");
    assertThat(file.format()).isEqualTo(FileFormat.ENV);
    assertThat(config.bindingsOf("orders-db")).hasSize(2);
  }

  @Test
  void bindsTheBackendSettings() {
    assertThat(config.backend().type()).isEqualTo("local");
    assertThat(config.backend().settings()).isEqualTo(Map.of("path", "catalog.state.json"));
    assertThat(config.backend().directory()).isEqualTo(Path.of("examples"));
    assertThat(Backend.local(new Location("catalog.yaml", 1, 1)).directory())
        .isEqualTo(Path.of(""));
  }

  @Test
  void citesTheYamlLocationOfAnyFieldIncludingNestedParameters() {
    var ordersDb = config.instance("orders-db").orElseThrow();
    assertThat(ordersDb.parameters().locationOf("/storage_gb")).isEqualTo(loc(51, 19));
    assertThat(ordersDb.parameters().pathOf("/storage_gb"))
        .isEqualTo("instances[0].parameters.storage_gb");
    // A missing property points at the object it is missing from.
    assertThat(ordersDb.parameters().locationOf("/nope")).isEqualTo(loc(51, 7));
    assertThat(ordersDb.source().locationOf("plan")).isEqualTo(loc(49, 11));
    assertThat(Diagnostic.at(ordersDb.source(), "plan", "unknown plan \"smal\"", "").toString())
        .isEqualTo("examples/catalog.yaml:49:11: instances[0].plan: unknown plan \"smal\"");
    // Defaults have no place of their own: they cite the resource.
    assertThat(ordersDb.source().locationOf("maintenance")).isEqualTo(loc(54, 18));
    var reports = config.instance("reports-db").orElseThrow();
    assertThat(reports.source().locationOf("maintenance")).isEqualTo(reports.location());
    assertThat(config.broker("data").orElseThrow().source().locationOf("auth.basic.password"))
        .isEqualTo(loc(29, 19));
  }

  @Test
  void parametersCompareByContentNotByLocation() {
    var a = config.instance("orders-db").orElseThrow().parameters();
    var b = ConfigObject.of(a.toJson(), "elsewhere", loc(1, 1), Map.of());
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(Optional.of(a.toJson())).isNotSameAs(Optional.of(a.toJson()));
  }

  static Location loc(int line, int column) {
    return new Location(FILE, line, column);
  }
}
