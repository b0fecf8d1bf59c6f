package dev.catalog.cli;

import dev.catalog.CatalogException;
import dev.catalog.Sleeper;
import dev.catalog.apply.Applier;
import dev.catalog.apply.ApplyListener;
import dev.catalog.apply.ApplyResult;
import dev.catalog.apply.ApplyServices;
import dev.catalog.apply.CancellationToken;
import dev.catalog.apply.DeliveryTargets;
import dev.catalog.apply.StateRecorder;
import dev.catalog.config.CatalogConfig;
import dev.catalog.config.SecretResolver;
import dev.catalog.osb.HttpTrace;
import dev.catalog.osb.PollingPolicy;
import dev.catalog.plan.DesiredHash;
import dev.catalog.plan.DestroyGuard;
import dev.catalog.plan.Plan;
import dev.catalog.plan.PlanOptions;
import dev.catalog.plan.Planner;
import dev.catalog.plan.SavedPlan;
import dev.catalog.plan.policy.PolicyCheck;
import dev.catalog.render.JsonPlanRenderer;
import dev.catalog.render.JsonProgressRenderer;
import dev.catalog.render.PlanViews;
import dev.catalog.render.Styles;
import dev.catalog.render.TerminalProgressRenderer;
import dev.catalog.render.TextPlanRenderer;
import dev.catalog.sink.CredentialSinks;
import dev.catalog.sink.FingerprintKey;
import dev.catalog.state.Snapshot;
import dev.catalog.state.State;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What {@code apply} and {@code destroy} share: lock the state for the whole run, plan, show the
 * plan, get approval, carry it out with progress, and exit 0, 1 (something failed) or 130
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
        var sinks = new CredentialSinks(KubernetesClients.from(env))) {
      var snapshot = session.store().read();
      var identity = session.backend().identity();
      Optional<SavedPlan> saved = Optional.empty();
      if (request.planFile().isPresent()) {
        var file = request.planFile().get();
        saved = Optional.of(SavedPlan.parse(readPlanFile(file), file.toString()));
        if (!snapshot.exists()) {
          // No state yet: the plan was made against an empty state whose lineage it chose.
          var empty = snapshot.state();
          snapshot =
              new Snapshot(
                  new State(
                      saved.get().lineage(),
                      0,
                      empty.toolVersion(),
                      empty.brokers(),
                      empty.resources()),
                  Optional.empty());
        }
        saved.get().check(snapshot.state(), identity);
      }
      var planner = new Planner(clients, secrets::resolveObject);
      var options =
          saved
              .map(s -> s.options(request.planOptions().parallelism()))
              .orElse(request.planOptions());
      // A saved destroy plan (plan --destroy --out) is planned again as destroy plans.
      UnaryOperator<CatalogConfig> desired =
          saved.filter(SavedPlan::destroy).isPresent()
              ? DestroyCommand::nothingDeclared
              : request.desired();
      Plan plan;
      try (var signals = env.lastActions().exitOnSignal(LastActions.PLANNING_INTERRUPTED)) {
        plan = planner.plan(desired.apply(config), snapshot.state(), options);
      }
      // Before the plan is compared, shown or applied: nothing is sent past this (issue 15).
      DestroyGuard.checkLimit(plan, request.maxDestroy());
      var violations = PolicyCheck.evaluate(config, plan);
      if (!violations.isEmpty()) {
        throw new CatalogException(PolicyCheck.refusal(violations));
      }
      if (saved.isPresent()) {
        // Exactly what was reviewed, or nothing: the changes first (each difference listed),
        // then what the JSON cannot show (secret values, catalogs).
        saved.get().checkChanges(JsonPlanRenderer.document(PlanViews.of(plan), false));
        saved.get().checkDesired(DesiredHash.of(plan, snapshot.state().lineage()));
      }
      if (!request.json()) {
        var view = PlanViews.of(plan);
        env.out().print(new TextPlanRenderer(Styles.of(request.colour())).render(view));
        env.out().flush();
      }
      if (!plan.hasWork()) {
        return ExitCode.OK;
      }
      // Before approval and before any broker request: a sink that cannot be written would
      // leave bound credentials with nowhere to go (issue 19).
      sinks.checkWritable(DeliveryTargets.of(plan));
      if (request.planFile().isEmpty() && !request.autoApprove() && !approved(env)) {
        return ExitCode.ERROR;
      }
      deadline.checkBeforeApplying();
      if (!request.json()) {
        env.out().println(); // the progress lines start under the plan, not glued to it
      }
      if (snapshot.exists()) {
        // One previous state, kept by the backend; no timestamped file per apply (issue 19).
        session.keepPrevious(snapshot);
      }
      var backupDir = session.backupDir();
      var store = session.store();
      var clock = Clock.systemUTC();
      try (var recorder =
          new StateRecorder(snapshot, (base, next) -> store.writeOrSave(base, next, backupDir))) {
        var services =
            new ApplyServices(
                clients,
                recorder,
                sinks,
                FingerprintKey.choose(env.env(), snapshot.state().lineage()),
                clock,
                Sleeper.REAL,
                PollingPolicy.DEFAULT,
                request.waitForOperations());
        var cancellation = new CancellationToken();
        var destroy =
            request.operation().equals("destroy") || saved.filter(SavedPlan::destroy).isPresent();
        var listener = listener(env, request, clock, destroy);
        ApplyResult result;
        boolean timedOut;
        // Last actions on a second signal: the writes handed to the recorder finish before the
        // lock (registered earlier, so run later) is released.
        try (var flush = env.lastActions().add(recorder::current);
            var stop = env.lastActions().onFirstSignal(() -> stop(env, cancellation));
            var timer = deadline.start(() -> timedOut(env, request, cancellation));
            var ticks = ProgressTicks.start(listener, clock)) {
          result =
              new Applier(request.planOptions().parallelism(), clock, services)
                  .apply(plan, snapshot.state(), listener, cancellation);
          timedOut = timer.fired();
        }
        env.out().flush();
        if (timedOut) {
          // A deadline is the run's own limit, not a signal: an error, with state recorded.
          env.err().println("Error: " + deadline.stoppedMessage());
          return ExitCode.ERROR;
        }
        if (result.interrupted()) {
          return ExitCode.INTERRUPTED;
        }
        return result.succeeded() ? ExitCode.OK : ExitCode.ERROR;
      }
    }
  }

  private static void timedOut(
      CliEnvironment env, Request request, CancellationToken cancellation) {
    env.err()
        .println(
            "\nTimeout: the --timeout "
                + RunDeadline.shown(request.timeout().orElseThrow())
                + " deadline passed: no new operations will start. Waiting for the running"
                + " requests to be answered and recorded; operations in progress are left for the"
                + " next apply.");
    env.err().flush();
    cancellation.cancel();
  }

  private static void stop(CliEnvironment env, CancellationToken cancellation) {
    env.err()
        .println(
            "\nInterrupted: no new operations will start. Waiting for the running requests to"
                + " be answered and recorded; operations in progress are left for the next"
                + " apply. Interrupt again to exit at once.");
    env.err().flush();
    cancellation.cancel();
  }

  /** @param destroy whether this run destroys, which has its own summary words */
  private static ApplyListener listener(
      CliEnvironment env, Request request, Clock clock, boolean destroy) {
    if (request.json()) {
      return new JsonProgressRenderer(env.out(), destroy);
    }
    boolean live = env.interactive() && !env.ci();
    return new TerminalProgressRenderer(
        env.out(), env.err(), live, request.colour(), columns(env), clock, destroy);
  }

  private static byte[] readPlanFile(java.nio.file.Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CatalogException(
          "cannot read the plan file " + file + ": " + dev.catalog.IoErrors.reason(e), e);
    }
  }

  private static int columns(CliEnvironment env) {
    try {
      return Integer.parseInt(env.env().getOrDefault("COLUMNS", "100"));
    } catch (NumberFormatException e) {
      return 100;
    }
  }

  /**
   * Asks for {@code yes} on a terminal. In CI nobody can answer, so the run is refused with what to
   * do instead.
   */
  private static boolean approved(CliEnvironment env) throws IOException {
    if (env.ci()) {
      throw new CatalogException(
          "no terminal to ask for approval (CI): review the plan and run again with"
              + " --auto-approve, or apply a saved plan with \"catalog apply PLANFILE\"");
    }
    env.out()
        .print(
            "\nDo you want to perform these actions?\n"
                + "  Only 'yes' will be accepted to approve.\n\n  Enter a value: ");
    env.out().flush();
    var answer = env.in().readLine();
    if (answer == null || !answer.strip().equals("yes")) {
      env.err().println("Apply cancelled.");
      return false;
    }
    env.out().println();
    return true;
  }
}
