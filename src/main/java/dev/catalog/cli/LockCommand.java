package dev.catalog.cli;

import dev.catalog.Sleeper;
import dev.catalog.osb.BrokerClient;
import dev.catalog.osb.HttpTrace;
import dev.catalog.osb.RetryPolicy;
import dev.catalog.osb.model.Catalog;
import dev.catalog.plan.CatalogLocks;
import java.time.Clock;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code catalog lock}: reads every configured broker's catalog and writes {@code
 * catalog.lock.json} beside the configuration (docs/lock.md). Only GET /v2/catalog is sent.
 */
@Command(
    name = "lock",
    mixinStandardHelpOptions = true,
    description = {
      "Record the brokers' catalogs in catalog.lock.json beside the configuration:",
      "catalog digests, and the ids, schemas, maintenance_info and flags of the services and",
      "plans the configuration uses. validate then checks parameters offline."
    })
final class LockCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;

  private final CliEnvironment env;

  LockCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    var loaded = config.load(env);
    var connections = new BrokerConnections(env);
    var catalogs = new TreeMap<String, Catalog>();
    for (var broker : loaded.brokers()) {
      var client =
          BrokerClient.create(
              connections.connect(broker).connection(),
              HttpTrace.NONE,
              Sleeper.REAL,
              Clock.systemUTC(),
              RetryPolicy.DEFAULT);
      catalogs.put(broker.name(), client.catalog());
    }
    var lock = CatalogLocks.of(loaded, catalogs);
    LockFiles.write(config, lock);
    var plans =
        lock.brokers().values().stream()
            .flatMap(b -> b.services().values().stream())
            .mapToInt(s -> s.plans().size())
            .sum();
    env.out()
        .println(
            "Wrote "
                + LockFiles.path(config)
                + ": "
                + lock.brokers().size()
                + (lock.brokers().size() == 1 ? " broker, " : " brokers, ")
                + plans
                + (plans == 1 ? " plan" : " plans")
                + " in use.");
    env.out().flush();
    return ExitCode.OK;
  }
}
