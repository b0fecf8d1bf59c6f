package dev.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every command that prints data takes the same {@code --format}: label FORMAT, default text, at
 * least text and json, values case-insensitive (issue 8, terminal manners).
 */
class FormatOptionsTest {

  @Test
  void everyFormatOptionHasTheSameLabelDefaultAndValues() {
    List<OptionSpec> formats = formatOptions();
    assertThat(formats).isNotEmpty();
    for (OptionSpec format : formats) {
      String command = format.command().qualifiedName();
      assertThat(format.paramLabel()).as(command).isEqualTo("FORMAT");
      assertThat(format.defaultValue()).as(command).isEqualTo("text");
      assertThat(format.type().isEnum()).as(command).isTrue();
      List<String> values =
          Stream.of(format.type().getEnumConstants())
              .map(v -> v.toString().toLowerCase(Locale.ROOT))
              .toList();
      assertThat(values).as(command).contains("text", "json");
      assertThat(format.description()[0]).as(command).contains("json");
    }
  }

  @Test
  void formatValuesAreAcceptedInAnyCase() {
    var run = CliRun.run("marketplace", "--format", "JSON", "-f", "does-not-exist.yaml");
    // The value parsed, so the command got as far as reading its configuration.
    assertThat(run.err()).isEqualTo("does-not-exist.yaml: file not found\n1 error.\n");
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
  }

  @Test
  void anUnknownFormatIsNamedWithTheValuesSpelledAsHelpSpellsThem() {
    var run = CliRun.run("plan", "--format", "xml");

    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err())
        .isEqualTo(
            "Error: Invalid value for option '--format': expected one of: text, json, markdown"
                + " but was 'xml'\nRun 'catalog plan --help' for usage.\n");
  }

  private static List<OptionSpec> formatOptions() {
    var sink = new PrintWriter(new StringWriter());
    var root = Main.commandLine(new CliEnvironment(sink, sink, Map.of(), false));
    var found = new ArrayList<OptionSpec>();
    collect(root, found);
    return found;
  }

  private static void collect(CommandLine command, List<OptionSpec> found) {
    OptionSpec format = command.getCommandSpec().findOption("--format");
    if (format != null) {
      found.add(format);
    }
    command.getSubcommands().values().forEach(sub -> collect(sub, found));
  }
}
