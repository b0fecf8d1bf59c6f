package dev.catalog.apply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.CatalogException;
import dev.catalog.Sleeper;
import dev.catalog.config.CatalogConfig;
import dev.catalog.osb.PollingPolicy;
import dev.catalog.plan.DesiredHash;
import dev.catalog.plan.DestroyGuard;
import dev.catalog.plan.Plan;
import dev.catalog.plan.PlanOptions;
import dev.catalog.plan.Planner;
import dev.catalog.plan.SavedPlan;
import dev.catalog.plan.policy.PolicyCheck;
import dev.catalog.sink.CredentialSinks;
import dev.catalog.sink.FingerprintKey;
import dev.catalog.state.Snapshot;
import dev.catalog.state.State;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One apply, from a configuration to brokers that match it (issue 12; Terraform's apply operation):
 * check a saved plan against the state it was made for, plan, refuse a plan that breaks a policy,
 * check that a saved plan still says exactly what was reviewed, show the plan, check the sinks, get
 * approval, keep the previous state, and carry the plan out with every mutation recorded. {@code
 * catalog apply} and {@code catalog destroy} only parse their options, call this, render through
 * {@link ApplyView} and map the {@link ApplyOutcome} to an exit code.
 *
 * <p>The caller holds the state lock for the whole run; this class opens nothing itself.
 */
public final class ApplyOperation {
  /**
   * How one apply is asked for.
   *
   * @param config the configuration as loaded
   * @param desired what of it to plan for (everything, or nothing for a destroy)
   * @param options the plan options (ignored for a saved plan, which keeps its own)
   * @param saved the saved plan to apply exactly, if any
   * @param approvalNeeded whether to ask before applying (no {@code --auto-approve}, no saved plan)
   * @param waitForOperations false under {@code --no-wait}
   * @param maxDestroy {@code --max-destroy}: the most deletes and replaces the plan may hold
   */
  public record Request(
      CatalogConfig config,
      UnaryOperator<CatalogConfig> desired,
      PlanOptions options,
      Optional<SavedPlan> saved,
      boolean approvalNeeded,
      boolean waitForOperations,
      Optional<Integer> maxDestroy) {}

  /** The state an apply reads and writes, under the lock its caller holds. */
  public interface StateAccess {
    /** The state as stored now. */
    Snapshot read();

    /** Which backend and state this is, as a saved plan records it. */
    String backendIdentity();

    /** Keeps {@code before} as the one previous state, where the backend keeps it. */
    void keepPrevious(Snapshot before);

    /** Writes each mutation of the apply. */
    StateWriter writer();
  }

  private final Planner planner;
  private final Brokers brokers;
  private final CredentialSinks sinks;
  private final Function<String, FingerprintKey> fingerprintKeys;
  private final Function<Plan, JsonNode> reviewedForm;
  private final Clock clock;
  private final Sleeper sleeper;

  /**
   * @param planner plans against the brokers' catalogs and live resources
   * @param brokers where the plan's operations are sent
   * @param sinks where bindings' credentials are delivered
   * @param fingerprintKeys the key of the credential fingerprints, by state lineage
   * @param reviewedForm the plan as a saved plan keeps it for review (its JSON document)
   * @param clock stamps operations
   * @param sleeper waits between polls
   */
  public ApplyOperation(
      Planner planner,
      Brokers brokers,
      CredentialSinks sinks,
      Function<String, FingerprintKey> fingerprintKeys,
      Function<Plan, JsonNode> reviewedForm,
      Clock clock,
      Sleeper sleeper) {
    this.planner = planner;
    this.brokers = brokers;
    this.sinks = sinks;
    this.fingerprintKeys = fingerprintKeys;
    this.reviewedForm = reviewedForm;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Runs the apply {@code request} asks for, showing and asking through {@code view}. */
  public ApplyOutcome run(Request request, StateAccess state, ApplyView view) {
    var snapshot = checkedSnapshot(request.saved(), state);
    var options =
        request
            .saved()
            .map(s -> s.options(request.options().parallelism()))
            .orElse(request.options());
    Plan plan;
    try (var planning = view.planning()) {
      plan = planner.plan(request.desired().apply(request.config()), snapshot.state(), options);
    }
    // Before the plan is compared, shown or applied: nothing is sent past this (issue 15).
    DestroyGuard.checkLimit(plan, request.maxDestroy());
    var violations = PolicyCheck.evaluate(request.config(), plan);
    if (!violations.isEmpty()) {
      throw new CatalogException(PolicyCheck.refusal(violations));
    }
    if (request.saved().isPresent()) {
      // Exactly what was reviewed, or nothing: the changes first (each difference listed), then
      // what the JSON cannot show (secret values, catalogs).
      request.saved().get().checkChanges(reviewedForm.apply(plan));
      request.saved().get().checkDesired(DesiredHash.of(plan, snapshot.state().lineage()));
    }
    view.plan(plan);
    if (!plan.hasWork()) {
      return new ApplyOutcome(ApplyOutcome.Kind.NOTHING_TO_DO, Optional.empty());
    }
    // Before approval and before any broker request: a sink that cannot be written would leave
    // bound credentials with nowhere to go (issue 19).
    sinks.checkWritable(DeliveryTargets.of(plan));
    if (request.approvalNeeded() && !view.approve()) {
      return new ApplyOutcome(ApplyOutcome.Kind.NOT_APPROVED, Optional.empty());
    }
    if (snapshot.exists()) {
      // One previous state, kept by the backend; no timestamped file per apply (issue 19).
      state.keepPrevious(snapshot);
    }
    return ApplyOutcome.applied(apply(request, state, view, snapshot, plan));
  }

  private ApplyResult apply(
      Request request, StateAccess state, ApplyView view, Snapshot snapshot, Plan plan) {
    try (var recorder = new StateRecorder(snapshot, state.writer())) {
      var services =
          new ApplyServices(
              brokers,
              recorder,
              sinks,
              fingerprintKeys.apply(snapshot.state().lineage()),
              clock,
              sleeper,
              PollingPolicy.DEFAULT,
              request.waitForOperations());
      var cancellation = new CancellationToken();
      var progress = view.progress();
      try (var applying = view.applying(recorder, cancellation, progress)) {
        return new Applier(request.options().parallelism(), clock, services)
            .apply(plan, snapshot.state(), progress, cancellation);
      }
    }
  }

  /**
   * The stored state, checked against the saved plan if there is one. With no state yet, a saved
   * plan was made against an empty state whose lineage it chose.
   */
  private static Snapshot checkedSnapshot(Optional<SavedPlan> saved, StateAccess state) {
    var snapshot = state.read();
    if (saved.isEmpty()) {
      return snapshot;
    }
    if (!snapshot.exists()) {
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
    saved.get().check(snapshot.state(), state.backendIdentity());
    return snapshot;
  }
}
