package dev.catalog.apply;

import dev.catalog.plan.Action;
import dev.catalog.plan.DesiredResource;
import dev.catalog.plan.Plan;
import dev.catalog.plan.ResourceChange;
import dev.catalog.plan.UnfinishedWork;
import dev.catalog.state.BindingState;
import dev.catalog.state.State;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Carries out a plan: first a reversed walk of the deletes and of the delete half of each replace
 * (bindings before their instances), then a forward walk of creates, updates and the create half
 * of replaces. Resources state records as in flight or with a pending orphan mitigation get a step
 * even when the plan has nothing to do for them, so every run finishes what an earlier one left.
 */
public final class Applier {
  private final GraphWalker walker;
  private final ApplyServices services;

  public Applier(int parallelism, Clock clock, ApplyServices services) {
    this.walker = new GraphWalker(parallelism, clock);
    this.services = services;
  }

  /** Applies {@code plan} over {@code recorded} (the state it was made against). */
  public ApplyResult apply(
      Plan plan, State recorded, ApplyListener listener, CancellationToken cancellation) {
    var changes = new LinkedHashMap<String, ResourceChange>();
    plan.changes().forEach(c -> changes.put(c.address().toString(), c));
    var destroySteps = new ArrayList<Step>();
    var forwardSteps = new ArrayList<Step>();
    for (var change : plan.changes()) {
      var address = change.address().toString();
      var unfinished = change.recorded().map(UnfinishedWork::in).orElse(false);
      switch (change.action()) {
        case DELETE -> destroySteps.add(destroyStep(change));
        case REPLACE -> {
          destroySteps.add(destroyStep(change));
          forwardSteps.add(new Step(address, StepAction.REPLACE, dependencies(change)));
        }
        case CREATE -> forwardSteps.add(new Step(address, StepAction.CREATE, dependencies(change)));
        case UPDATE -> forwardSteps.add(new Step(address, StepAction.UPDATE, dependencies(change)));
        case NO_OP -> {
          if (unfinished) {
            forwardSteps.add(new Step(address, resumed(change), dependencies(change)));
          }
        }
      }
    }
    var held = new HeldFinish(listener);
    var destroyed =
        walker.walk(
            destroySteps,
            Direction.REVERSED,
            new ChangeRunner(changes, true, services),
            held,
            cancellation);
    var results = new ArrayList<StepResult>();
    var blocked = new HashSet<String>();
    for (var result : destroyed.steps()) {
      var change = changes.get(result.step().address());
      boolean replaceHalfDone =
          change.action() == Action.REPLACE && result.status() == StepStatus.SUCCEEDED;
      if (!replaceHalfDone) {
        results.add(result);
      }
      if (result.status() != StepStatus.SUCCEEDED) {
        blocked.add(result.step().address());
      }
    }
    var runnable = new ArrayList<Step>();
    for (var step : forwardSteps) {
      if (blocked.contains(step.address())) {
        continue; // its delete half failed and is reported already
      }
      var reason = step.dependsOn().stream().filter(blocked::contains).findFirst();
      if (reason.isPresent() || destroyed.interrupted()) {
        blocked.add(step.address());
        var why =
            destroyed.interrupted()
                ? "not started because the apply was interrupted"
                : "skipped because " + reason.get() + " did not succeed";
        results.add(new StepResult(step, StepStatus.SKIPPED, why));
        continue;
      }
      runnable.add(step);
    }
    boolean interrupted = destroyed.interrupted();
    if (!interrupted) {
      var forward =
          walker.walk(
              runnable,
              Direction.FORWARD,
              new ChangeRunner(changes, false, services),
              held,
              cancellation);
      results.addAll(forward.steps());
      interrupted = forward.interrupted();
    }
    var result = new ApplyResult(results, interrupted);
    listener.onFinish(result);
    return result;
  }

  /**
   * What finishing an earlier apply's work does to a resource the plan leaves as it is, so that it
   * is reported by its real kind: a resumed update stays an update. A resumed delete of a resource
   * still declared ends in a new create (the delete half of a replace); an orphan mitigation
   * removes what a failed create left, then creates it.
   */
  private static StepAction resumed(ResourceChange change) {
    var recorded = change.recorded().orElseThrow();
    if (!recorded.inFlight()) {
      return StepAction.CREATE;
    }
    return switch (recorded.lastOperation().orElseThrow().type()) {
      case PROVISION, BIND -> StepAction.CREATE;
      case UPDATE -> StepAction.UPDATE;
      case DEPROVISION, UNBIND -> StepAction.REPLACE;
    };
  }

  private static Step destroyStep(ResourceChange change) {
    var deps = new HashSet<String>();
    change
        .recorded()
        .ifPresent(
            r -> {
              if (r instanceof BindingState b) {
                deps.add(b.instance().toString());
              }
            });
    return new Step(change.address().toString(), StepAction.DELETE, deps);
  }

  private static Set<String> dependencies(ResourceChange change) {
    var deps = new HashSet<String>();
    change
        .desired()
        .ifPresent(
            d -> {
              if (d instanceof DesiredResource.OfBinding b) {
                deps.add(b.binding().instance().address().toString());
              }
            });
    return deps;
  }

  /** Passes events on and holds back each walk's finish: the caller reports the merged result. */
  private record HeldFinish(ApplyListener listener) implements ApplyListener {
    @Override
    public void onEvent(ApplyEvent event) {
      listener.onEvent(event);
    }

    @Override
    public void onFinish(ApplyResult result) {}
  }
}
