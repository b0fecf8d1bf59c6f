package dev.catalog.cli;

import dev.catalog.render.StatusTable;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code catalog status}: every resource catalog manages, from state, as {@code cf services} lists
 * them (issue 15 item 6). Reads state without the lock and contacts no broker; {@code catalog
 * refresh} first records how operations in flight ended.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "List every managed resource from state: last operation, age, dashboard URL.")
final class StatusCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;

  @Mixin BackendOptions backend;

  private final CliEnvironment env;

  StatusCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try (var session = StateSession.open(env, backend, config)) {
      var snapshot = session.store().read();
      if (!snapshot.exists() || snapshot.state().resources().isEmpty()) {
        env.out().println("No resources in state at " + session.backend().identity() + ".");
        return ExitCode.OK;
      }
      env.out().print(StatusTable.render(snapshot.state(), Clock.systemUTC().instant()));
      env.out().flush();
      return ExitCode.OK;
    }
  }
}
