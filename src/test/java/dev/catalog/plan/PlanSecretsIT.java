package dev.catalog.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.cli.CliRun;
import dev.catalog.testbroker.ReferenceBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Secret parameter values and the broker password never reach any plan output or trace. */
@Timeout(120)
class PlanSecretsIT {
  private static final String PASSWORD = "plan-secrets-broker-pw";
  private static final String SECRET = "s3cret-admin-pw-never-shown";

  @TempDir Path dir;

  @Test
  void neitherParametersFromValuesNorTheBrokerPasswordAppearInAnyFormat() throws IOException {
    var clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    try (var broker = ReferenceBroker.start(ReferenceBroker.Options.forTests(PASSWORD, clock))) {
      var config = dir.resolve("catalog.yaml");
      Files.writeString(
          config,
          """
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
              plan: small
              parameters: { storage_gb: 20 }
              parametersFrom:
                - fromEnv: DB_ADMIN
          """
              .formatted(broker.baseUrl("data")));
      var env =
          Map.of("BROKER_PW", PASSWORD, "DB_ADMIN", "{\"admin_password\": \"" + SECRET + "\"}");

      for (var format : new String[] {"text", "json", "markdown"}) {
        var run =
            CliRun.run(
                env,
                "plan",
                "-f",
                config.toString(),
                "--verbose",
                "--format",
                format,
                "--out",
                dir.resolve("plan-" + format + ".json").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out() + run.err()).doesNotContain(SECRET).doesNotContain(PASSWORD);
        assertThat(Files.readString(dir.resolve("plan-" + format + ".json")))
            .doesNotContain(SECRET)
            .contains("\"/parameters/admin_password\"");
      }
      var text = CliRun.run(env, "plan", "-f", config.toString());
      assertThat(text.out()).contains("      + parameters.admin_password = (sensitive)\n");
      assertThat(broker.ledger().instances()).isEmpty();
    }
  }
}
