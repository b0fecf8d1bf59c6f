package dev.catalog.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code catalog state}: inspect and repair the recorded state. */
@Command(
    name = "state",
    mixinStandardHelpOptions = true,
    description = "Inspect and repair the recorded state.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      StateListCommand.class,
      StateShowCommand.class,
      StateRmCommand.class,
      StateMvCommand.class,
      StatePullCommand.class,
      StatePushCommand.class,
    })
final class StateCommand implements Runnable {
  @Spec CommandSpec spec;

  private final CliEnvironment env;

  StateCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public void run() {
    spec.commandLine().usage(env.err());
  }
}
