package dev.catalog.cli;

import picocli.CommandLine.Command;

/** {@code catalog graph}: Print the dependency graph as DOT. */
@Command(name = "graph", mixinStandardHelpOptions = true, description = "Print the dependency graph as DOT.")
final class GraphCommand extends NotImplementedYet {
  GraphCommand(CliEnvironment env) {
    super(env);
  }
}
