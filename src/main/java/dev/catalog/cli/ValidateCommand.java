package dev.catalog.cli;

import dev.catalog.config.ConfigException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code catalog validate}: checks the configuration offline. Contacts no broker and resolves no
 * secret reference, so it runs in a pull request without credentials.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check the configuration offline: syntax, keys, types, names and references.",
      "Contacts no broker and reads no secret."
    })
final class ValidateCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;

  private final CliEnvironment env;

  ValidateCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try {
      var loaded = config.load(env);
      env.out()
          .printf(
              "Configuration is valid: %s, %s, %s.%n",
              count(loaded.brokers().size(), "broker"),
              count(loaded.instances().size(), "instance"),
              count(loaded.bindings().size(), "binding"));
      env.out().flush();
      return ExitCode.OK;
    } catch (ConfigException e) {
      ErrorHandler.printDiagnostics(env.err(), e);
      return ExitCode.ERROR;
    }
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
