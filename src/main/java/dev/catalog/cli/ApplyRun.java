package dev.catalog.cli;

import dev.catalog.CatalogException;
import dev.catalog.Sleeper;
import dev.catalog.apply.ApplyOperation;
import dev.catalog.apply.ApplyOutcome;
import dev.catalog.apply.Brokers;
import dev.catalog.apply.StateWriter;
import dev.catalog.config.CatalogConfig;
import dev.catalog.config.SecretResolver;
import dev.catalog.osb.HttpTrace;
import dev.catalog.plan.PlanOptions;
import dev.catalog.plan.Planner;
import dev.catalog.plan.SavedPlan;
import dev.catalog.render.JsonPlanRenderer;
import dev.catalog.render.PlanViews;
import dev.catalog.sink.CredentialSinks;
import dev.catalog.sink.FingerprintKey;
import dev.catalog.state.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What {@code apply} and {@code destroy} share: open the configured brokers, sinks and state, lock
 * the state for the whole run, call the {@link ApplyOperation} (which plans, checks, asks through
 * {@link ApplyRunView} and applies), and exit 0, 1 (something failed or not approved) or 130
 * (interrupted).
 */
final class ApplyRun {
  /** How one run is asked for. */
  record Request(
      ConfigOptions config,
      BackendOptions backend,
      PlanOptions planOptions,
      Optional<Path> planFile,
      boolean autoApprove,
      boolean waitForOperations,
      boolean json,
      boolean colour,
      boolean verbose,
      String operation,
      UnaryOperator<CatalogConfig> desired,
      Optional<Integer> maxDestroy,
      Optional<java.time.Duration> timeout) {}

  private ApplyRun() {}

  static int run(CliEnvironment env, Request request) throws IOException {
    // The --timeout deadline counts from here: loading, locking and planning are part of the run.
    var deadline = new RunDeadline(request.timeout(), Clock.systemUTC());
    var config = request.config().load(env);
    var yaml = config.backend();
    var choice = request.backend().choose(yaml.kind(), yaml.settings());
    var baseDir = choice.kind() == yaml.kind() ? yaml.directory() : Path.of("");
    var secrets = new SecretResolver(env.env(), KubernetesClients.from(env), env.redactor());
    var trace = request.verbose() ? HttpTrace.printingTo(env.err()) : HttpTrace.NONE;
    var clients = new PlanBrokerClients(config, new BrokerConnections(env), trace);
    try (var session = new StateSession(env, request.backend(), choice, baseDir.toAbsolutePath());
        var held = session.lock(request.operation());
        var sinks = new CredentialSinks(KubernetesClients.forContext(env))) {
      var saved = request.planFile().map(ApplyRun::readSavedPlan);
      // A saved destroy plan (plan --destroy --out) is planned again as destroy plans.
      boolean savedDestroy = saved.filter(SavedPlan::destroy).isPresent();
      UnaryOperator<CatalogConfig> desired =
          savedDestroy ? DestroyCommand::nothingDeclared : request.desired();
      var clock = Clock.systemUTC();
      var operation =
          new ApplyOperation(
              new Planner(clients, secrets::resolveObject)
                  .withSinks(new SinkInspections(sinks, env.env())),
              Brokers.of(clients),
              sinks,
              lineage -> FingerprintKey.choose(env.env(), lineage),
              plan -> JsonPlanRenderer.document(PlanViews.of(plan), false),
              clock,
              Sleeper.REAL);
      var destroy = request.operation().equals("destroy") || savedDestroy;
      var view = new ApplyRunView(env, request.json(), request.colour(), destroy, clock, deadline);
      var outcome =
          operation.run(
              new ApplyOperation.Request(
                  config,
                  desired,
                  request.planOptions(),
                  saved,
                  request.planFile().isEmpty() && !request.autoApprove(),
                  request.waitForOperations(),
                  request.maxDestroy()),
              stateAccess(session),
              view);
      env.out().flush();
      if (view.timedOut()) {
        // A deadline is the run's own limit, not a signal: an error, with state recorded.
        env.err().println("Error: " + deadline.stoppedMessage());
        return ExitCode.ERROR;
      }
      return exitCode(outcome);
    }
  }

  private static int exitCode(ApplyOutcome outcome) {
    return switch (outcome.kind()) {
      case NOTHING_TO_DO -> ExitCode.OK;
      case NOT_APPROVED -> ExitCode.ERROR;
      case APPLIED -> {
        var result = outcome.result().orElseThrow();
        if (result.interrupted()) {
          yield ExitCode.INTERRUPTED;
        }
        yield result.succeeded() ? ExitCode.OK : ExitCode.ERROR;
      }
    };
  }

  /** The locked state of {@code session}, as the apply operation reads and writes it. */
  private static ApplyOperation.StateAccess stateAccess(StateSession session) {
    return new ApplyOperation.StateAccess() {
      @Override
      public Snapshot read() {
        return session.store().read();
      }

      @Override
      public String backendIdentity() {
        return session.backend().identity();
      }

      @Override
      public void keepPrevious(Snapshot before) {
        session.keepPrevious(before);
      }

      @Override
      public StateWriter writer() {
        var store = session.store();
        var backupDir = session.backupDir();
        return (base, next) -> store.writeOrSave(base, next, backupDir);
      }
    };
  }

  private static SavedPlan readSavedPlan(Path file) {
    try {
      return SavedPlan.parse(Files.readAllBytes(file), file.toString());
    } catch (IOException e) {
      throw new CatalogException(
          "cannot read the plan file " + file + ": " + dev.catalog.IoErrors.reason(e), e);
    }
  }
}
