package dev.catalog.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code catalog} command: prints usage when called with no subcommand. Its
 * subcommands are added by {@link Main} from {@link Subcommands}, only those a run needs.
 */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Keeps Open Service Broker instances and bindings in the state a YAML file declares.",
    synopsisSubcommandLabel = "COMMAND",
    footer = {"", "Run 'catalog COMMAND --help' for a command's options."})
final class CatalogCommand implements Runnable {
  @Mixin GlobalOptions global;

  @Spec CommandSpec spec;

  private final CliEnvironment env;

  CatalogCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public void run() {
    spec.commandLine().usage(env.err());
  }
}
