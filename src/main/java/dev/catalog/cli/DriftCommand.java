package dev.catalog.cli;

import picocli.CommandLine.Command;

/** {@code catalog drift}: Report live changes made outside catalog; exit 2 on drift. */
@Command(name = "drift", mixinStandardHelpOptions = true, description = "Report live changes made outside catalog; exit 2 on drift.")
final class DriftCommand extends NotImplementedYet {
  DriftCommand(CliEnvironment env) {
    super(env);
  }
}
