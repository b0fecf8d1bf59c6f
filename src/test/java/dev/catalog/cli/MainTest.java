package dev.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {

  @Test
  void helpListsTheCommandSetOfTheSpec() {
    var run = CliRun.run("--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "validate", "plan", "apply", "drift", "destroy", "refresh", "status", "import", "marketplace",
            "credentials", "graph", "state", "force-unlock", "version", "completion");
  }

  @Test
  void versionFlagPrintsTheToolVersion() {
    var run = CliRun.run("--version");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("catalog " + VersionProvider.version());
    assertThat(VersionProvider.version()).isNotEqualTo("unknown").doesNotContain("${");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "validate", "plan", "apply", "drift", "destroy", "refresh", "status", "import", "marketplace",
        "credentials", "graph", "state", "force-unlock", "init", "version", "completion"
      })
  void everyCommandHasHelp(String command) {
    var run = CliRun.run(command, "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: catalog " + command);
  }

  @Test
  void unknownCommandIsAUsageErrorWithExitCodeOne() {
    var run = CliRun.run("plna");
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err()).contains("Unmatched argument at index 0: 'plna'").contains("plan");
  }

  @Test
  void completionPrintsABashScriptForEveryCommand() {
    var run = CliRun.run("completion", "bash");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("complete -F _complete_catalog", "force-unlock");
  }

  @Test
  void helpHasNoAnsiEscapesWithoutATerminal() {
    var run = CliRun.run("plan", "--help");
    assertThat(run.out()).doesNotContain("\u001B[");
  }

  @Test
  void noColorEnvironmentDisablesColourEvenOnATerminal() {
    var out = new StringWriter();
    var env =
        new CliEnvironment(
            new PrintWriter(out), new PrintWriter(new StringWriter()), Map.of("NO_COLOR", "1"), true);
    assertThat(env.colour(false)).isFalse();
    Main.run(env, "--help");
    assertThat(out.toString()).doesNotContain("\u001B[");
  }

  @Test
  void noColorFlagDisablesColourOnATerminal() {
    var out = new StringWriter();
    var env =
        new CliEnvironment(
            new PrintWriter(out), new PrintWriter(new StringWriter()), Map.of(), true);
    assertThat(env.colour(false)).isTrue();
    Main.run(env, "plan", "--help", "--no-color");
    assertThat(out.toString()).doesNotContain("\u001B[");
  }
}
