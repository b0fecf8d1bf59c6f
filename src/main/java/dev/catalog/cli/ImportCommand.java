package dev.catalog.cli;

import picocli.CommandLine.Command;

/** {@code catalog import}: Adopt an existing instance or binding into the state. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Adopt an existing instance or binding into the state.")
final class ImportCommand extends NotImplementedYet {
  ImportCommand(CliEnvironment env) {
    super(env);
  }
}
