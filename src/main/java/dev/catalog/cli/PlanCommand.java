package dev.catalog.cli;

import picocli.CommandLine.Command;

/** {@code catalog plan}: Show the changes apply would make. */
@Command(name = "plan", mixinStandardHelpOptions = true, description = "Show the changes apply would make.")
final class PlanCommand extends NotImplementedYet {
  PlanCommand(CliEnvironment env) {
    super(env);
  }
}
