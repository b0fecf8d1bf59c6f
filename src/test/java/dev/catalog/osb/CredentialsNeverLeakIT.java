package dev.catalog.osb;

import static dev.catalog.testbroker.BrokerCatalog.DB_SERVICE_ID;
import static dev.catalog.testbroker.BrokerCatalog.DB_SMALL_PLAN_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.catalog.Secret;
import dev.catalog.cli.CliRun;
import dev.catalog.testbroker.FaultInjector.Timing;
import dev.catalog.testbroker.ReferenceBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker password and every binding credential never appear in the --verbose trace, exception
 * messages, printed values or anything written to stdout/stderr (logs included).
 */
class CredentialsNeverLeakIT {
  private static final String PASSWORD = "broker-pw-" + UUID.randomUUID();
  private static final FakeClock clock = new FakeClock();
  private static ReferenceBroker broker;

  @TempDir Path dir;

  @BeforeAll
  static void startBroker() {
    broker = ReferenceBroker.start(ReferenceBroker.Options.forTests(PASSWORD, clock));
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private BrokerClient client(String password, StringWriter trace) {
    var connection =
        BrokerConnection.of(
            broker.baseUrl("data"),
            BrokerAuth.basic(ReferenceBroker.USERNAME, Secret.of(password)));
    return BrokerClient.create(
        connection,
        HttpTrace.printingTo(new PrintWriter(trace)),
        new RecordingSleeper(clock),
        clock,
        RetryPolicy.DEFAULT);
  }

  @Test
  void passwordAndBindingCredentialsAppearNowhere() throws Exception {
    var trace = new StringWriter();
    var printed = new ArrayList<String>();
    var captured = new ByteArrayOutputStream();
    var originalOut = System.out;
    var originalErr = System.err;
    var capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    List<String> secrets;
    try {
      var client = client(PASSWORD, trace);
      var instanceId = UUID.randomUUID().toString();
      var bindingId = UUID.randomUUID().toString();
      var params = JsonNodeFactory.instance.objectNode().put("storage_gb", 5);
      var provision =
          client.provision(
              instanceId,
              new ProvisionRequest(
                  DB_SERVICE_ID,
                  DB_SMALL_PLAN_ID,
                  Bodies.context(),
                  "org",
                  "space",
                  Optional.of(params),
                  Optional.empty()));
      var bind =
          client.bind(
              instanceId,
              bindingId,
              BindRequest.of(DB_SERVICE_ID, DB_SMALL_PLAN_ID, Bodies.context()));
      var fetched = client.fetchBinding(instanceId, bindingId, Optional.empty());
      printed.add(provision.toString());
      printed.add(bind.toString());
      printed.add(fetched.toString());
      printed.add(client.connection().toString());

      broker.faults().failNext(1, "PUT", 500, Timing.AFTER_WORK);
      var afterWork =
          catchThrowableOfType(
              BrokerException.class,
              () ->
                  client.bind(
                      instanceId,
                      UUID.randomUUID().toString(),
                      BindRequest.of(DB_SERVICE_ID, DB_SMALL_PLAN_ID, Bodies.context())));
      var unauthorized =
          catchThrowableOfType(
              BrokerException.class,
              () ->
                  client("wrong-" + PASSWORD, trace)
                      .fetchBinding(instanceId, bindingId, Optional.empty()));
      for (var e : List.of(afterWork, unauthorized)) {
        printed.add(e.getMessage());
        printed.add(e.toString());
        var stack = new StringWriter();
        e.printStackTrace(new PrintWriter(stack));
        printed.add(stack.toString());
      }

      var config = dir.resolve("catalog.yaml");
      Files.writeString(
          config,
          "apiVersion: catalog/v1\nbrokers:\n  - name: data\n    url: "
              + broker.baseUrl("data")
              + "\n    auth:\n      basic:\n        username: admin\n"
              + "        password: { fromEnv: PW }\n");
      var cli =
          CliRun.run(Map.of("PW", PASSWORD), "--verbose", "marketplace", "-f", config.toString());
      printed.add(cli.out());
      printed.add(cli.err());

      secrets = new ArrayList<>(List.of(PASSWORD));
      for (var binding : broker.ledger().bindings()) {
        binding.credentials().values().forEach(v -> secrets.add(v.toString()));
      }
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
    printed.add(trace.toString());
    printed.add(captured.toString(StandardCharsets.UTF_8));

    assertThat(secrets).hasSizeGreaterThanOrEqualTo(7); // password + 2 bindings x 3 values
    assertThat(trace.toString()).contains("osb: PUT ", "osb: GET ");
    for (var text : printed) {
      for (var secret : secrets) {
        assertThat(text).doesNotContain(secret);
      }
    }
  }
}
