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
      StateCommand.ListCmd.class,
      StateCommand.ShowCmd.class,
      StateCommand.RmCmd.class,
      StateCommand.MvCmd.class,
      StateCommand.PullCmd.class,
      StateCommand.PushCmd.class,
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

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List recorded resources.")
  static final class ListCmd extends NotImplementedYet {
    ListCmd(CliEnvironment env) {
      super(env);
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one resource.")
  static final class ShowCmd extends NotImplementedYet {
    ShowCmd(CliEnvironment env) {
      super(env);
    }
  }

  @Command(name = "rm", mixinStandardHelpOptions = true, description = "Forget a resource.")
  static final class RmCmd extends NotImplementedYet {
    RmCmd(CliEnvironment env) {
      super(env);
    }
  }

  @Command(name = "mv", mixinStandardHelpOptions = true, description = "Rename a resource.")
  static final class MvCmd extends NotImplementedYet {
    MvCmd(CliEnvironment env) {
      super(env);
    }
  }

  @Command(name = "pull", mixinStandardHelpOptions = true, description = "Print the state.")
  static final class PullCmd extends NotImplementedYet {
    PullCmd(CliEnvironment env) {
      super(env);
    }
  }

  @Command(name = "push", mixinStandardHelpOptions = true, description = "Replace the state.")
  static final class PushCmd extends NotImplementedYet {
    PushCmd(CliEnvironment env) {
      super(env);
    }
  }
}
