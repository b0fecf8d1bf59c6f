package dev.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** A run builds only the subcommand it invokes (issue 7: start-up). */
class SubcommandsTest {

  @Test
  void everyNameIsTheCommandNameOfItsClass() {
    Subcommands.BY_NAME.forEach(
        (name, type) -> assertThat(type.getAnnotation(Command.class).name()).isEqualTo(name));
  }

  @Test
  void theFullTreeListsEverySubcommandInHelpOrder() {
    var sink = new PrintWriter(new StringWriter());
    var root = Main.commandLine(new CliEnvironment(sink, sink, Map.of(), false));
    assertThat(root.getSubcommands().keySet())
        .containsExactlyElementsOf(Subcommands.BY_NAME.keySet());
  }

  @Test
  void aSubcommandAfterGlobalFlagsNeedsOnlyItself() {
    assertThat(Subcommands.neededBy("--no-color", "-v", "plan", "-f", "x.yaml"))
        .containsExactly(PlanCommand.class);
  }

  @Test
  void versionAloneNeedsNoSubcommand() {
    assertThat(Subcommands.neededBy("--version")).isEmpty();
    assertThat(Subcommands.neededBy("-V")).isEmpty();
  }

  @Test
  void helpNoSubcommandAnUnknownOneAndCompletionNeedAll() {
    assertThat(Subcommands.neededBy("--help")).hasSize(Subcommands.BY_NAME.size());
    assertThat(Subcommands.neededBy()).hasSize(Subcommands.BY_NAME.size());
    assertThat(Subcommands.neededBy("plna")).hasSize(Subcommands.BY_NAME.size());
    assertThat(Subcommands.neededBy("completion", "bash")).hasSize(Subcommands.BY_NAME.size());
    assertThat(Subcommands.neededBy("--", "plan")).hasSize(Subcommands.BY_NAME.size());
  }
}
