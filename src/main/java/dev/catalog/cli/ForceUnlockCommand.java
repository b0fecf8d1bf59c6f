package dev.catalog.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code catalog force-unlock ID}: releases a state lock left by a run that died. */
@Command(
    name = "force-unlock",
    mixinStandardHelpOptions = true,
    description = "Release a state lock left by a run that died; ID must match the lock's id.")
final class ForceUnlockCommand implements Callable<Integer> {
  @Mixin BackendOptions backend;

  @Parameters(paramLabel = "ID", description = "The lock id shown in the lock error.")
  String id;

  private final CliEnvironment env;

  ForceUnlockCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try (var session = StateSession.open(env, backend)) {
      session.backend().forceUnlock(id);
      env.out().println("Released lock " + id + " on " + session.backend().identity() + ".");
      return ExitCode.OK;
    }
  }
}
