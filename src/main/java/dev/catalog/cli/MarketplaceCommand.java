package dev.catalog.cli;

import picocli.CommandLine.Command;

/** {@code catalog marketplace}: List the services and plans of every configured broker. */
@Command(name = "marketplace", mixinStandardHelpOptions = true, description = "List the services and plans of every configured broker.")
final class MarketplaceCommand extends NotImplementedYet {
  MarketplaceCommand(CliEnvironment env) {
    super(env);
  }
}
