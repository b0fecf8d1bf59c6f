package dev.catalog.cli;

import picocli.CommandLine.Command;

/** {@code catalog destroy}: Delete every instance and binding catalog manages. */
@Command(name = "destroy", mixinStandardHelpOptions = true, description = "Delete every instance and binding catalog manages.")
final class DestroyCommand extends NotImplementedYet {
  DestroyCommand(CliEnvironment env) {
    super(env);
  }
}
