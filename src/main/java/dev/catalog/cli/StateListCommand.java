package dev.catalog.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code catalog state list}: the recorded addresses, one per line. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List recorded resources.")
final class StateListCommand implements Callable<Integer> {
  @Mixin BackendOptions backend;

  private final CliEnvironment env;

  StateListCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try (var session = StateSession.open(env, backend)) {
      var snapshot = session.store().read();
      if (!snapshot.exists()) {
        env.err().println("No state at " + session.backend().identity() + " yet.");
        return ExitCode.OK;
      }
      snapshot.state().resources().keySet().forEach(address -> env.out().println(address));
      return ExitCode.OK;
    }
  }
}
