package dev.catalog.cli;

import picocli.CommandLine.Command;

/** {@code catalog validate}: Check the configuration offline. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check the configuration offline.")
final class ValidateCommand extends NotImplementedYet {
  ValidateCommand(CliEnvironment env) {
    super(env);
  }
}
