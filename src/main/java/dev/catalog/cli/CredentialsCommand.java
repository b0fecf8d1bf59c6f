package dev.catalog.cli;

import picocli.CommandLine.Command;

/** {@code catalog credentials}: Read a binding's credentials from the broker or its sink. */
@Command(name = "credentials", mixinStandardHelpOptions = true, description = "Read a binding's credentials from the broker or its sink.")
final class CredentialsCommand extends NotImplementedYet {
  CredentialsCommand(CliEnvironment env) {
    super(env);
  }
}
