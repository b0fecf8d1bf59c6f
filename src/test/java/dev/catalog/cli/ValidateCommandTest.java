package dev.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code catalog validate}: offline, exact summary on success, every error on failure. */
class ValidateCommandTest {
  @TempDir Path dir;

  @Test
  void theExampleIsValidWithoutAnySecretInTheEnvironment() {
    var run = CliRun.run("validate", "-f", "examples/catalog.yaml");
    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out())
        .isEqualTo("Configuration is valid: 2 brokers, 3 instances, 4 bindings.\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void countsAreSingularForOne() throws IOException {
    var file =
        write(
            "one.yaml",
            """
            apiVersion: catalog/v1
            brokers: [{ name: data, url: "http://127.0.0.1:8080/data" }]
            instances: [{ name: db, broker: data, service: db, plan: small }]
            bindings: [{ name: app, instance: db, credentials: { file: { path: app.json } } }]
            """);
    var run = CliRun.run("validate", "--file", file.toString());
    assertThat(run.out()).isEqualTo("Configuration is valid: 1 broker, 1 instance, 1 binding.\n");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void printsEveryErrorThenACountAndExitsOne() {
    var run = CliRun.run("validate", "-f", "src/test/resources/invalid/bad-duration.yaml");
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            """
            src/test/resources/invalid/bad-duration.yaml:5:26: brokers[0].timeouts.connect: \
            invalid duration "5 seconds"; write a number with a unit (ms, s, m, h, d), like 10s, 2m \
            or 1m30s
            src/test/resources/invalid/bad-duration.yaml:5:46: brokers[0].timeouts.request: \
            the duration must be greater than zero
            2 errors.
            """);
  }

  @Test
  void oneErrorIsCountedInTheSingular() {
    var run = CliRun.run("validate", "-f", "src/test/resources/invalid/empty-file.yaml");
    assertThat(run.err())
        .isEqualTo(
            """
            src/test/resources/invalid/empty-file.yaml:1:1: the file is empty; start it with \
            "apiVersion: catalog/v1"
            1 error.
            """);
  }

  @Test
  void mergesRepeatedFileOptionsAndExpandsTheCliEnvironment() throws IOException {
    var brokers =
        write(
            "brokers.yaml",
            "apiVersion: catalog/v1\nbrokers: [{ name: data, url: \"http://${HOST}/data\" }]\n");
    var instances =
        write(
            "instances.yaml",
            "apiVersion: catalog/v1\n"
                + "instances: [{ name: db, broker: data, service: db, plan: small }]\n");
    var run =
        CliRun.run(
            Map.of("HOST", "127.0.0.1:8080"),
            "validate",
            "-f",
            brokers.toString(),
            "-f",
            instances.toString());
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo("Configuration is valid: 1 broker, 1 instance, 0 bindings.\n");
  }

  @Test
  void neverPrintsAnInlineSecret() {
    var run =
        CliRun.run("validate", "-f", "src/test/resources/invalid/many-errors-in-one-file.yaml");
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err()).contains("8 errors.").doesNotContain("hunter2");
  }

  @Test
  void theFileOptionDefaultsToCatalogYamlAndIsReplacedWhenGiven() {
    var defaults = new ConfigOptions();
    new CommandLine(defaults).parseArgs();
    assertThat(defaults.files()).containsExactly(Path.of("catalog.yaml"));
    var given = new ConfigOptions();
    new CommandLine(given).parseArgs("-f", "a.yaml", "--file", "conf");
    assertThat(given.files()).containsExactly(Path.of("a.yaml"), Path.of("conf"));
  }

  Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
