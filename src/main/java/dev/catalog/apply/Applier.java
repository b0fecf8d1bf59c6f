package dev.catalog.apply;

import dev.catalog.plan.Action;
import dev.catalog.plan.DependencyGraph;
import dev.catalog.plan.DesiredResource;
import dev.catalog.plan.GraphNode;
import dev.catalog.plan.Plan;
import dev.catalog.plan.ResourceChange;
import dev.catalog.plan.StateOnlyChange;
import dev.catalog.plan.UnfinishedWork;
import dev.catalog.sink.CredentialSinks;
import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import dev.catalog.state.SinkDescription;
import dev.catalog.state.State;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Carries out a plan in one walk over the plan's {@link DependencyGraph} (issue 12): a node per
 * resource and phase, destroy or apply, with Terraform's destroy edges (a binding is unbound before
 * its instance is deprovisioned; the create half of a replace follows its destroy half; a binding
 * is created after its instance). A create or update does not wait for deletes it does not depend
 * on. Resources state records as in flight or with a pending orphan mitigation get a step even when
 * the plan has nothing to do for them, so every run finishes what an earlier one left.
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
    var changes = new HashMap<Address, ResourceChange>();
    plan.changes().forEach(c -> changes.put(c.address(), c));
    recordStateOnly(plan.stateChanges());
    var walked =
        walker.walk(
            steps(plan),
            Direction.FORWARD,
            new ChangeRunner(changes, services, createBeforeDestroy(plan)),
            new HeldFinish(listener),
            cancellation);
    var result =
        new ApplyResult(
            oneResultPerReplace(walked.steps(), changes, createBeforeDestroy(plan)),
            walked.interrupted());
    listener.onFinish(result);
    return result;
  }

  /**
   * Writes the plan's state-only changes (issue 15: {@code preventDestroy} as now declared) in one
   * write before any broker request, so a resource is protected before anything else happens.
   */
  private void recordStateOnly(List<StateOnlyChange> stateChanges) {
    if (stateChanges.isEmpty()) {
      return;
    }
    services
        .recorder()
        .record(
            state -> {
              var next = state;
              for (var change : stateChanges) {
                var recorded = next.resource(change.address());
                if (recorded.isPresent()) {
                  next = next.with(recorded.get().withPreventDestroy(change.preventDestroy()));
                }
              }
              return next;
            });
  }

  /** The walk's steps: destroys first, so they start first when both are ready. */
  private static List<Step> steps(Plan plan) {
    var nodes = plan.graph().nodes();
    var destroys = new ArrayList<Step>();
    var applies = new ArrayList<Step>();
    for (var change : plan.changes()) {
      var destroy = GraphNode.of(change.address(), GraphNode.Step.DESTROY);
      if (nodes.contains(destroy)) {
        destroys.add(new Step(destroy, StepAction.DELETE, dependencies(plan.graph(), destroy)));
      }
      var apply = GraphNode.of(change.address(), GraphNode.Step.APPLY);
      boolean unfinished = change.recorded().map(UnfinishedWork::in).orElse(false);
      if (nodes.contains(apply) || (change.action() == Action.NO_OP && unfinished)) {
        var deps = dependencies(plan.graph(), apply);
        // An unfinished binding with nothing planned waits for its instance's unfinished step.
        instanceOf(change).ifPresent(i -> deps.add(GraphNode.of(i, GraphNode.Step.APPLY)));
        var action =
            change.action() == Action.NO_OP ? resumed(change) : applyAction(change.action());
        applies.add(new Step(apply, action, deps));
      }
    }
    var steps = new ArrayList<Step>(retiringAfterSuccessor(destroys, applies));
    steps.addAll(sameSinkAfterItsDestroy(applies, destroys, plan));
    return steps;
  }

  private static Set<Address> createBeforeDestroy(Plan plan) {
    var out = new HashSet<Address>();
    plan.changes().stream()
        .map(ResourceChange::address)
        .filter(plan.graph()::createsBeforeDestroy)
        .forEach(out::add);
    return out;
  }

  /**
   * A retiring binding is unbound after the step that binds or resumes its successor (issue 14), so
   * the sink never holds credentials of an unbound binding.
   */
  private static List<Step> retiringAfterSuccessor(List<Step> destroys, List<Step> applies) {
    var applied = new HashSet<GraphNode>();
    applies.forEach(a -> applied.add(a.node()));
    var result = new ArrayList<Step>();
    for (var destroy : destroys) {
      var successor = GraphNode.of(destroy.address().declared(), GraphNode.Step.APPLY);
      if (destroy.address().isRetiring() && applied.contains(successor)) {
        var deps = new HashSet<>(destroy.dependsOn());
        deps.add(successor);
        result.add(new Step(destroy.node(), destroy.action(), deps));
      } else {
        result.add(destroy);
      }
    }
    return result;
  }

  /**
   * A binding delivering to a Secret or file that a binding being destroyed delivered to waits for
   * that destroy, which deletes the old copy (and frees a Secret the old binding owns).
   */
  private static List<Step> sameSinkAfterItsDestroy(
      List<Step> applies, List<Step> destroys, Plan plan) {
    var destroyedSinks = new HashMap<SinkDescription, GraphNode>();
    var changes = new HashMap<Address, ResourceChange>();
    plan.changes().forEach(c -> changes.put(c.address(), c));
    for (var destroy : destroys) {
      changes.get(destroy.address()).recorded().stream()
          .filter(BindingState.class::isInstance)
          .flatMap(r -> ((BindingState) r).sink().stream())
          .forEach(sink -> destroyedSinks.put(sink, destroy.node()));
    }
    if (destroyedSinks.isEmpty()) {
      return applies;
    }
    var result = new ArrayList<Step>();
    for (var apply : applies) {
      var target =
          changes.get(apply.address()).desired().stream()
              .filter(DesiredResource.OfBinding.class::isInstance)
              .map(d -> ((DesiredResource.OfBinding) d).binding().config().credentials())
              .map(CredentialSinks::describe)
              .findFirst();
      var destroy = target.map(destroyedSinks::get);
      if (destroy.isPresent() && !destroy.get().address().declared().equals(apply.address())) {
        var deps = new HashSet<>(apply.dependsOn());
        deps.add(destroy.get());
        result.add(new Step(apply.node(), apply.action(), deps));
      } else {
        result.add(apply);
      }
    }
    return result;
  }

  private static Set<GraphNode> dependencies(DependencyGraph graph, GraphNode node) {
    var deps = new HashSet<GraphNode>();
    for (var dependency : graph.dependenciesOf(node)) {
      if (dependency.kind() != GraphNode.Kind.BROKER) {
        deps.add(dependency);
      }
    }
    return deps;
  }

  private static Optional<Address> instanceOf(ResourceChange change) {
    return change
        .desired()
        .filter(DesiredResource.OfBinding.class::isInstance)
        .map(d -> ((DesiredResource.OfBinding) d).binding().instance().address());
  }

  /**
   * What finishing an earlier apply's work does to a resource the plan leaves as it is, so that it
   * is reported by its real kind: a resumed update stays an update. A resumed delete of a resource
   * still declared ends in a new create (the delete half of a replace); an orphan mitigation
   * removes what a failed create left, then creates it.
   */
  private static StepAction resumed(ResourceChange change) {
    var recorded = change.recorded().orElseThrow();
    if (recorded instanceof BindingState b && b.awaitingDelivery()) {
      return Deliveries.stepAction(change);
    }
    if (recorded instanceof BindingState b && b.sinkToRemove().isPresent() && !b.inFlight()) {
      return StepAction.UPDATE; // an interrupted sink move: its old sink is removed
    }
    if (!recorded.inFlight()) {
      return StepAction.CREATE;
    }
    return switch (recorded.lastOperation().orElseThrow().type()) {
      case PROVISION, BIND -> StepAction.CREATE;
      case UPDATE -> StepAction.UPDATE;
      case DEPROVISION, UNBIND -> StepAction.REPLACE;
    };
  }

  private static StepAction applyAction(Action action) {
    return switch (action) {
      case UPDATE -> StepAction.UPDATE;
      case REPLACE -> StepAction.REPLACE;
      case CREATE, NO_OP -> StepAction.CREATE;
      case DELETE -> throw new IllegalArgumentException("a delete has no apply step");
    };
  }

  /**
   * A replace counts once: its create half when its destroy half succeeded, otherwise its destroy
   * half (which the create half only mirrors).
   */
  private static List<StepResult> oneResultPerReplace(
      List<StepResult> results,
      Map<Address, ResourceChange> changes,
      Set<Address> createBeforeDestroy) {
    var destroyHalfDone = new HashSet<Address>();
    for (var r : results) {
      if (r.step().destroys() && r.status() == StepStatus.SUCCEEDED) {
        destroyHalfDone.add(r.step().address());
      }
    }
    var applyHalfDone = new HashSet<Address>();
    for (var r : results) {
      if (!r.step().destroys() && r.status() == StepStatus.SUCCEEDED) {
        applyHalfDone.add(r.step().address());
      }
    }
    var kept = new ArrayList<StepResult>();
    for (var r : results) {
      var address = r.step().address();
      boolean replace = changes.get(address).action() == Action.REPLACE;
      boolean cbd = createBeforeDestroy.contains(address);
      if (!replace) {
        kept.add(r);
      } else if (cbd) {
        // Created first: the create half counts, unless it succeeded and the unbind then failed.
        boolean destroyFailed =
            applyHalfDone.contains(address) && !destroyHalfDone.contains(address);
        if (r.step().destroys() == destroyFailed) {
          kept.add(r);
        }
      } else if (r.step().destroys() != destroyHalfDone.contains(address)) {
        kept.add(r);
      }
    }
    return kept;
  }

  /** Passes events on and holds back the walk's finish: the caller reports the merged result. */
  private record HeldFinish(ApplyListener listener) implements ApplyListener {
    @Override
    public void onEvent(ApplyEvent event) {
      listener.onEvent(event);
    }

    @Override
    public void onFinish(ApplyResult result) {}
  }
}
