package dev.catalog.cli;

import picocli.CommandLine.Command;

/** {@code catalog refresh}: Update the state from live broker reads. */
@Command(name = "refresh", mixinStandardHelpOptions = true, description = "Update the state from live broker reads.")
final class RefreshCommand extends NotImplementedYet {
  RefreshCommand(CliEnvironment env) {
    super(env);
  }
}
