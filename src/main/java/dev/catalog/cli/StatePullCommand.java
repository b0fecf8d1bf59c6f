package dev.catalog.cli;

import dev.catalog.CatalogException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code catalog state pull}: prints the whole state document, upgraded to the current format. */
@Command(name = "pull", mixinStandardHelpOptions = true, description = "Print the state.")
final class StatePullCommand implements Callable<Integer> {
  @Mixin BackendOptions backend;

  private final CliEnvironment env;

  StatePullCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try (var session = StateSession.open(env, backend)) {
      var snapshot = session.store().read();
      if (!snapshot.exists()) {
        throw new CatalogException("no state at " + session.backend().identity());
      }
      env.out()
          .print(
              new String(session.store().codec().encode(snapshot.state()), StandardCharsets.UTF_8));
      env.out().flush();
      return ExitCode.OK;
    }
  }
}
