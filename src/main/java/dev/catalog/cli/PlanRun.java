package dev.catalog.cli;

import dev.catalog.config.CatalogConfig;
import dev.catalog.config.SecretResolver;
import dev.catalog.osb.HttpTrace;
import dev.catalog.plan.Plan;
import dev.catalog.plan.PlanOptions;
import dev.catalog.plan.Planner;
import dev.catalog.sink.CredentialSinks;
import dev.catalog.plan.policy.PolicyCheck;
import dev.catalog.plan.policy.PolicyViolation;
import dev.catalog.state.Snapshot;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.List;

/**
 * What {@code plan}, {@code drift} and {@code graph} share: load the configuration, open the
 * backend its {@code backend:} block names (flags override it), take the lock when asked (and
 * unless {@code --lock=false}), read state and plan.
 */
final class PlanRun {
  /** A finished plan and what it was made against. */
  record Result(
      CatalogConfig config,
      String backend,
      Snapshot snapshot,
      Plan plan,
      List<PolicyViolation> violations) {
    Result(CatalogConfig config, String backend, Snapshot snapshot, Plan plan) {
      this(config, backend, snapshot, plan, PolicyCheck.evaluate(config, plan));
    }
  }

  private PlanRun() {}

  /**
   * @param lock take the state lock for the duration of the plan
   * @param lockTimeout how long to retry a held lock
   */
  static Result plan(
      CliEnvironment env,
      ConfigOptions configOptions,
      BackendOptions backendOptions,
      PlanOptions options,
      boolean lock,
      boolean verbose) {
    return plan(env, configOptions, backendOptions, options, lock, verbose, UnaryOperator.identity());
  }

  /**
   * @param desired what to plan towards, from the loaded configuration: itself, or for {@code plan
   *     --destroy} the same brokers with no instance and no binding
   */
  static Result plan(
      CliEnvironment env,
      ConfigOptions configOptions,
      BackendOptions backendOptions,
      PlanOptions options,
      boolean lock,
      boolean verbose,
      UnaryOperator<CatalogConfig> desired) {
    var config = desired.apply(configOptions.load(env));
    var yaml = config.backend();
    var choice = backendOptions.choose(yaml.kind(), yaml.settings());
    var baseDir = choice.kind() == yaml.kind() ? yaml.directory() : Path.of("");
    var secrets = new SecretResolver(env.env(), KubernetesClients.from(env), env.redactor());
    try (var session = new StateSession(env, backendOptions, choice, baseDir.toAbsolutePath());
        var held = lock ? session.lock("plan") : (StateSession.AutoCloseable0) () -> {};
        var signals = env.lastActions().exitOnSignal(LastActions.PLANNING_INTERRUPTED);
        var sinks = new CredentialSinks(KubernetesClients.forContext(env))) {
      var trace = verbose ? HttpTrace.printingTo(env.err()) : HttpTrace.NONE;
      var unlocked =
          new Planner(
              new PlanBrokerClients(config, new BrokerConnections(env), trace),
              secrets::resolveObject)
              .withSinks(new SinkInspections(sinks, env.env()));
      var planner = LockFiles.read(configOptions).map(unlocked::withLock).orElse(unlocked);
      if (!options.refresh()) {
        var snapshot = session.store().read();
        var plan = planner.plan(config, snapshot.state(), options);
        return new Result(config, session.backend().identity(), snapshot, plan);
      }
      // The reads start while the state is decoded (issue 7); only GETs go out before it is whole.
      try (var refresh = planner.refreshing(config, options)) {
        var snapshot = session.store().read(refresh::decoded);
        var plan = refresh.plan(snapshot.state());
        return new Result(config, session.backend().identity(), snapshot, plan);
      }
    }
  }
}
