package dev.catalog.cli;

import dev.catalog.apply.Brokers;
import dev.catalog.apply.InFlightSettlement;
import dev.catalog.osb.HttpTrace;
import dev.catalog.sink.CredentialSinks;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code catalog refresh}: asks the brokers about every operation state records as in flight (left
 * by {@code --no-wait}, an interrupt or a crash) and records how it ended. A finished bind is left
 * for {@code catalog apply}, which reads the binding back and delivers its credentials.
 */
@Command(
    name = "refresh",
    mixinStandardHelpOptions = true,
    description = "Update the state from live broker reads: resolve operations left in flight.")
final class RefreshCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;

  @Mixin BackendOptions backend;

  private final CliEnvironment env;

  RefreshCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    var loaded = config.load(env);
    var clients = new PlanBrokerClients(loaded, new BrokerConnections(env), HttpTrace.NONE);
    try (var session = StateSession.open(env, backend, config);
        var sinks = new CredentialSinks(KubernetesClients.forContext(env))) {
      var inFlight = session.store().read().state().inFlight();
      if (inFlight.isEmpty()) {
        env.out().println("No operations in flight; state is up to date.");
        env.out().flush();
        return ExitCode.OK;
      }
      var settlement = new InFlightSettlement(Brokers.of(clients), sinks, env.out()::println);
      session.mutate("refresh", settlement::settle);
      env.out().flush();
      return ExitCode.OK;
    }
  }
}
