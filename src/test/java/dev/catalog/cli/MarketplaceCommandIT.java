package dev.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.osb.FakeClock;
import dev.catalog.testbroker.ReferenceBroker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code catalog marketplace} against the reference broker under two platform prefixes. */
class MarketplaceCommandIT {
  private static final String PASSWORD = "marketplace-broker-pw-7f3a";
  private static ReferenceBroker broker;

  @TempDir Path dir;

  @BeforeAll
  static void startBroker() {
    broker = ReferenceBroker.start(ReferenceBroker.Options.forTests(PASSWORD, new FakeClock()));
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private Path config(String... extraBrokers) throws IOException {
    var yaml = new StringBuilder("apiVersion: catalog/v1\nbrokers:\n");
    for (var prefix : new String[] {"data", "messaging"}) {
      yaml.append("  - name: ")
          .append(prefix)
          .append("\n    url: ")
          .append(broker.baseUrl(prefix))
          .append("\n    auth:\n      basic:\n")
          .append("        username: admin\n        password: { fromEnv: BROKER_PASSWORD }\n");
    }
    for (var extra : extraBrokers) {
      yaml.append(extra);
    }
    var file = dir.resolve("catalog.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private static CliRun run(String... args) {
    return CliRun.run(Map.of("BROKER_PASSWORD", PASSWORD), args);
  }

  private static int closedPort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void listsEveryBrokersServicesAndPlans() throws IOException {
    var run = run("marketplace", "-f", config().toString());
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "Broker \"data\" ("
                + broker.baseUrl("data")
                + ")\n"
                + """
  db (Database): A synchronous database [instances retrievable, bindings retrievable]
    PLAN   FREE  COST                                  BINDABLE  UPDATEABLE  MAX POLL  DESCRIPTION
    small  yes   -                                     yes       yes         -         1 vCPU, up to 100 GB
    large  no    89.00 EUR/MONTHLY, 99.00 USD/MONTHLY  yes       yes         -         4 vCPU, up to 100 GB
"""
                + "Broker \"messaging\" ("
                + broker.baseUrl("messaging")
                + ")\n"
                + """
                    queue (Message Queue): An asynchronous message queue
                      PLAN      FREE  COST               BINDABLE  UPDATEABLE  MAX POLL  DESCRIPTION
                      standard  no    25.00 USD/MONTHLY  yes       no          1h        Provisioned in the background
                  """);
  }

  @Test
  void reportsAFailingBrokerAndStillListsTheOthers() throws IOException {
    var down = "  - name: down\n    url: http://127.0.0.1:" + closedPort() + "\n";
    var run = run("marketplace", "-f", config(down).toString(), "--format", "json");
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err()).startsWith("Error: broker \"down\": fetch catalog: cannot connect to");
    var json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("format_version").asInt()).isEqualTo(1);
    assertThat(json.at("/brokers/0/services/0/name").asText()).isEqualTo("db");
    assertThat(json.at("/brokers/0/services/0/plans/1/free").asBoolean()).isFalse();
    assertThat(json.at("/brokers/1/services/0/plans/0/maximum_polling_duration").asInt())
        .isEqualTo(3600);
    assertThat(json.at("/brokers/2/name").asText()).isEqualTo("down");
    assertThat(json.at("/brokers/2/error").asText()).startsWith("broker \"down\": fetch catalog:");
  }

  @Test
  void showsThePlanParameterSchema() throws IOException {
    var run =
        run("marketplace", "-f", config().toString(), "--broker", "data", "--plan", "db/small");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith(
            "Broker \"data\", service \"db\", plan \"small\": "
                + "1 vCPU, up to 100 GB\nInstance create parameters:\n  {\n");
    assertThat(run.out())
        .contains(
            "\"maximum\" : 100",
            "\"required\" : [ \"storage_gb\" ]",
            "Binding create parameters:\n  (no schema)\n");
  }

  @Test
  void unknownBrokerNameIsAnError() throws IOException {
    var file = config();
    var run = run("marketplace", "-f", file.toString(), "--broker", "nope");
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err())
        .isEqualTo(
            "Error: --broker: no broker named \"nope\" in the configuration;"
                + " configured: data, messaging\n");
  }

  @Test
  void unknownPlanIsAnError() throws IOException {
    var run = run("marketplace", "-f", config().toString(), "--plan", "db/huge");
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err()).isEqualTo("Error: no broker offers plan \"huge\" of service \"db\"\n");
  }

  @Test
  void verboseTracesEachRequestWithoutCredentials() throws IOException {
    var run = run("--verbose", "marketplace", "-f", config().toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.err())
        .containsPattern(
            "osb: GET "
                + broker.baseUrl("data")
                + "/v2/catalog -> 200 \\(\\d+ ms\\) request-id=[0-9a-f-]{36}");
    assertThat(run.err()).contains("osb: GET " + broker.baseUrl("messaging") + "/v2/catalog");
    assertThat(run.err() + run.out()).doesNotContain(PASSWORD).doesNotContain("Authorization");
  }
}
