package dev.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code catalog marketplace} input errors: file:line:column, exit code 1, no broker contacted. */
class MarketplaceCommandTest {
  @TempDir Path dir;

  private Path config(String yaml) throws IOException {
    var file = dir.resolve("catalog.yaml");
    Files.writeString(file, "apiVersion: catalog/v1\n" + yaml);
    return file;
  }

  @Test
  void unsetPasswordVariableIsNamedWithItsLocation() throws IOException {
    var file =
        config(
            "brokers:\n  - name: acme\n    url: http://127.0.0.1:9\n    auth:\n"
                + "      basic: { username: admin, password: { fromEnv: ACME_PASSWORD } }\n");
    var run = CliRun.run(Map.of(), "marketplace", "-f", file.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err())
        .isEqualTo(
            file
                + ":6:43: brokers[0].auth.basic.password: environment variable \"ACME_PASSWORD\""
                + " is not set\n1 error.\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void missingUrlIsNamedWithItsLocation() throws IOException {
    var file = config("brokers:\n  - name: acme\n");
    var run = CliRun.run("marketplace", "-f", file.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err())
        .isEqualTo(file + ":3:5: brokers[0].url: missing required key\n1 error.\n");
  }

  @Test
  void planMustBeServiceSlashPlan() throws IOException {
    var file = config("brokers: []\n");
    var run = CliRun.run("marketplace", "-f", file.toString(), "--plan", "db");
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err()).isEqualTo("Error: --plan: expected SERVICE/PLAN, got \"db\"\n");
  }

  @Test
  void unknownFormatIsAUsageError() {
    var run = CliRun.run("marketplace", "--format", "xml");
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err()).contains("Invalid value for option '--format'");
  }
}
