package dev.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command's --help teaches by example (issue 17), and every example parses. */
class HelpExamplesTest {

  /** Every command of the real tree, by its key: {@code catalog}, {@code plan}, {@code state rm}. */
  static Stream<String> commands() {
    var keys = new ArrayList<String>();
    collect(root(), keys);
    return keys.stream();
  }

  private static void collect(CommandLine cmd, List<String> keys) {
    keys.add(HelpSections.commandKey(cmd.getCommandSpec()));
    cmd.getSubcommands().values().forEach(sub -> collect(sub, keys));
  }

  private static CommandLine root() {
    var sink = new PrintWriter(new StringWriter());
    return Main.commandLine(new CliEnvironment(sink, sink, Map.of(), false));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyCommandsHelpHasAnExamplesAndAnExitCodesSection(String command) {
    var args =
        new ArrayList<>(List.of(command.equals("catalog") ? new String[0] : command.split(" ")));
    args.add("--help");
    var run = CliRun.run(args.toArray(String[]::new));

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("\nExamples:\n  # ")
        .contains("\nExit codes:\n   0  ")
        .containsSubsequence("\nExamples:\n", "\nExit codes:\n");
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyExampleCommandLineParses(String command) {
    var lines = commandLines(HelpExamples.of(command));

    assertThat(lines).as(command).isNotEmpty();
    for (var line : lines) {
      var args = Arrays.asList(line.split(" +"));
      assertThat(args.get(0)).as(line).isEqualTo("catalog");
      assertThatCode(() -> root().parseArgs(args.subList(1, args.size()).toArray(String[]::new)))
          .as(line)
          .doesNotThrowAnyException();
    }
    var self = command.equals("catalog") ? "catalog" : "catalog " + command;
    assertThat(lines).as("an example runs %s itself", command).anyMatch(l -> l.startsWith(self));
  }

  @Test
  void synopsesWriteAnOptionAndItsValueWithASpace() {
    var run = CliRun.run("plan", "--help");

    assertThat(run.out())
        .startsWith(
            "Usage: catalog plan [-hqvV] [--destroy] [--detailed-exitcode] [--no-color]\n")
        .contains("[--backend-config KEY=VALUE]... [-f PATH]...\n")
        .contains("\n  -f, --file PATH ")
        .doesNotContain("-f=PATH");
  }

  @Test
  void anOptionWithEqualsStillParses() {
    assertThatCode(() -> root().parseArgs("plan", "--lock=false", "--format=json"))
        .doesNotThrowAnyException();
  }

  /**
   * The command lines of an example text: the {@code catalog ...} part of each line that is not a
   * comment, without a shell's pipe, redirection or process substitution around it.
   */
  static List<String> commandLines(String examples) {
    var lines = new ArrayList<String>();
    for (var line : examples.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      var command = line.substring(line.indexOf("catalog "));
      for (var end : List.of(" |", " >", ")")) {
        int at = command.indexOf(end);
        if (at >= 0) {
          command = command.substring(0, at);
        }
      }
      lines.add(command.strip());
    }
    return lines;
  }
}
