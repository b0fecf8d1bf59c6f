package dev.catalog.cli;

import dev.catalog.config.CatalogConfig;
import dev.catalog.config.SecretResolver;
import dev.catalog.osb.HttpTrace;
import dev.catalog.plan.Plan;
import dev.catalog.plan.PlanOptions;
import dev.catalog.plan.Planner;
import dev.catalog.state.Snapshot;
import dev.catalog.state.StateLocker;
import dev.catalog.state.StateStore;
import dev.catalog.state.backend.BackendFactory;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import java.time.Duration;

/**
 * What {@code plan}, {@code drift} and {@code graph} share: load the configuration, open the
 * backend from its {@code backend:} block, take the lock when asked, read state and plan.
 */
final class PlanRun {
  /** A finished plan and what it was made against. */
  record Result(CatalogConfig config, String backend, Snapshot snapshot, Plan plan) {}

  private PlanRun() {}

  /**
   * @param lock take the state lock for the duration of the plan
   * @param lockTimeout how long to retry a held lock
   */
  static Result plan(
      CliEnvironment env,
      ConfigOptions configOptions,
      PlanOptions options,
      boolean lock,
      Duration lockTimeout,
      boolean verbose) {
    var config = configOptions.load(env);
    var backendConfig = config.backend();
    var secrets = new SecretResolver(env.env(), () -> new KubernetesClientBuilder().build());
    try (var backend =
        BackendFactory.open(
            backendConfig.type(), backendConfig.settings(), backendConfig.directory(), env.env())) {
      var store = new StateStore(backend, VersionProvider.version());
      var held =
          lock
              ? new StateLocker(
                      store,
                      Clock.systemUTC(),
                      dev.catalog.state.Sleeper.SYSTEM,
                      StateLocker.currentHolder(),
                      VersionProvider.version())
                  .acquire("plan", lockTimeout)
              : null;
      try {
        var snapshot = store.read();
        var trace = verbose ? HttpTrace.printingTo(env.err()) : HttpTrace.NONE;
        var planner =
            new Planner(
                new PlanBrokerClients(config, new BrokerConnections(env), trace),
                secrets::resolveObject);
        var plan = planner.plan(config, snapshot.state(), options);
        return new Result(config, backend.identity(), snapshot, plan);
      } finally {
        if (held != null) {
          held.close();
        }
      }
    }
  }
}
