package dev.catalog.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code catalog init}: a starter file that validates, never written over an existing one. */
class InitCommandTest {
  @TempDir Path dir;

  @Test
  void writesAStarterThatPassesValidateAndSaysSoOnStderr() {
    Path file = dir.resolve("catalog.yaml");
    var run = CliRun.run("init", "-f", file.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "Wrote "
                + file
                + " and "
                + dir.resolve(".gitignore")
                + ". Check it with: catalog validate -f "
                + file
                + "\n");
    var validate = CliRun.run("validate", "-f", file.toString());
    assertThat(validate.out())
        .isEqualTo("Configuration is valid: 1 broker, 0 instances, 0 bindings.\n");
    assertThat(validate.exitCode()).isEqualTo(ExitCode.OK);
  }

  @Test
  void writesAGitignoreForWhatCatalogLeavesBesideTheConfigurationKeepingTheUsersLines()
      throws IOException {
    Files.writeString(dir.resolve(".gitignore"), "target/\ncatalog.state.json.lock\n");

    CliRun.run("init", "-f", dir.resolve("catalog.yaml").toString());
    CliRun.run("init", "--force", "-f", dir.resolve("catalog.yaml").toString());

    assertThat(Files.readString(dir.resolve(".gitignore"), UTF_8))
        .isEqualTo(
            """
            target/
            catalog.state.json.lock

            # Left beside the configuration by catalog (written by catalog init)
            catalog.state.json.backup
            .catalog.state.json.*
            catalog.state.*.backup.json
            errored.catalog.state.json
            """);
  }

  @Test
  void everyBackendBlockPassesValidate() throws IOException {
    for (var backend : InitCommand.BackendType.values()) {
      Path file = dir.resolve(backend + ".yaml");
      assertThat(
              CliRun.run("init", "-q", "--backend", backend.name(), "-f", file.toString())
                  .exitCode())
          .isZero();
      assertThat(Files.readString(file, UTF_8)).contains("  type: " + backend + "\n");
      var validate = CliRun.run("validate", "-f", file.toString());
      assertThat(validate.err()).as(backend.name()).isEmpty();
      assertThat(validate.exitCode()).as(backend.name()).isEqualTo(ExitCode.OK);
    }
  }

  @Test
  void refusesToOverwriteAnExistingFileAndLeavesItUntouched() throws IOException {
    Path file = dir.resolve("catalog.yaml");
    Files.writeString(file, "mine\n", UTF_8);
    var run = CliRun.run("init", "-f", file.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err())
        .isEqualTo("Error: " + file + " already exists; use --force to overwrite it\n");
    assertThat(run.out()).isEmpty();
    assertThat(Files.readString(file, UTF_8)).isEqualTo("mine\n");
  }

  @Test
  void forceOverwritesAndQuietPrintsNothing() throws IOException {
    Path file = dir.resolve("catalog.yaml");
    Files.writeString(file, "mine\n", UTF_8);
    var run = CliRun.run("--quiet", "init", "--force", "-f", file.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEmpty();
    assertThat(Files.readString(file, UTF_8)).startsWith("# catalog.yaml: ");
  }
}
