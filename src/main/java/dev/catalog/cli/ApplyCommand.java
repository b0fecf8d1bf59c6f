package dev.catalog.cli;

import picocli.CommandLine.Command;

/** {@code catalog apply}: Make brokers match the configuration, or apply a saved plan. */
@Command(name = "apply", mixinStandardHelpOptions = true, description = "Make brokers match the configuration, or apply a saved plan.")
final class ApplyCommand extends NotImplementedYet {
  ApplyCommand(CliEnvironment env) {
    super(env);
  }
}
