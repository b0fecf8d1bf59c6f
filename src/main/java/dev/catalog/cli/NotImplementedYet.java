package dev.catalog.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A registered command whose behaviour has not been built yet: says so and exits 1. */
abstract class NotImplementedYet implements Callable<Integer> {
  @Spec CommandSpec spec;

  private final CliEnvironment env;

  NotImplementedYet(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    env.err().println("Error: '" + spec.qualifiedName() + "' is not implemented yet.");
    env.err().flush();
    return ExitCode.ERROR;
  }
}
