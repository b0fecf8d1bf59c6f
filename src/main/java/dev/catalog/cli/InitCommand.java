package dev.catalog.cli;

import picocli.CommandLine.Command;

/** {@code catalog init}: Write a commented starter catalog.yaml. */
@Command(name = "init", mixinStandardHelpOptions = true, description = "Write a commented starter catalog.yaml.")
final class InitCommand extends NotImplementedYet {
  InitCommand(CliEnvironment env) {
    super(env);
  }
}
