package dev.catalog.cli;

import dev.catalog.config.ConfigException;
import dev.catalog.plan.LockedParameterCheck;
import dev.catalog.plan.policy.PolicyCheck;
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
      "Contacts no broker and reads no secret. With a catalog.lock.json beside the",
      "configuration (catalog lock), parameters are checked against its schemas."
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
      var rules = PolicyCheck.compileErrors(loaded);
      if (!rules.isEmpty()) {
        throw new ConfigException(rules);
      }
      var lock = LockFiles.read(config);
      if (lock.isPresent()) {
        var notes = new java.util.ArrayList<String>();
        var problems = LockedParameterCheck.check(loaded, lock.get(), notes);
        notes.forEach(n -> env.err().println("Warning: " + n));
        if (!problems.isEmpty()) {
          throw new ConfigException(problems);
        }
      }
      env.out()
          .printf(
              "Configuration is valid: %s, %s, %s.%n",
              count(loaded.brokers().size(), "broker"),
              count(loaded.instances().size(), "instance"),
              count(loaded.bindings().size(), "binding"))
          .print(lock.isPresent() ? "Parameters match the schemas in catalog.lock.json.\n" : "");
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
