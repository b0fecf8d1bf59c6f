package dev.catalog.plan;

import dev.catalog.plan.GraphNode.Step;
import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Builds the dependency graph of a plan's changes; no-ops take no step. */
final class GraphBuilder {
  private GraphBuilder() {}

  static DependencyGraph of(List<ResourceChange> changes) {
    var deps = new HashMap<GraphNode, Set<GraphNode>>();
    var byAddress = new HashMap<Address, ResourceChange>();
    changes.forEach(c -> byAddress.put(c.address(), c));
    for (var change : changes) {
      var broker = GraphNode.broker(change.broker());
      for (var step : steps(change.action())) {
        var node = GraphNode.of(change.address(), step);
        var set = deps.computeIfAbsent(node, n -> new TreeSet<>());
        set.add(broker);
        boolean cbd = createsBeforeDestroy(change, byAddress);
        if (step == Step.APPLY && change.action() == Action.REPLACE && !cbd) {
          set.add(GraphNode.of(change.address(), Step.DESTROY));
        }
        if (step == Step.DESTROY && cbd) {
          set.add(GraphNode.of(change.address(), Step.APPLY));
        }
        if (step == Step.APPLY) {
          instanceOf(change)
              .map(i -> GraphNode.of(i, Step.APPLY))
              .filter(i -> hasStep(byAddress, i))
              .ifPresent(set::add);
        }
      }
    }
    // Destroys in reverse: an instance is deprovisioned only after its bindings are unbound.
    for (var change : changes) {
      if (change.recorded().orElse(null) instanceof BindingState binding
          && steps(change.action()).contains(Step.DESTROY)) {
        var instanceDestroy = GraphNode.of(binding.instance(), Step.DESTROY);
        if (hasStep(byAddress, instanceDestroy)) {
          deps.get(instanceDestroy).add(GraphNode.of(change.address(), Step.DESTROY));
        }
      }
    }
    return new DependencyGraph(deps);
  }

  /**
   * Issue 14: a binding is replaced create-before-destroy (bound anew, delivered in place, the old
   * one unbound last) unless its instance is destroyed in this plan, which takes the old binding
   * with it first (Terraform's rule: a destroy waits for its dependents' destroys).
   */
  private static boolean createsBeforeDestroy(
      ResourceChange change, Map<Address, ResourceChange> byAddress) {
    if (change.action() != Action.REPLACE
        || !(change.recorded().orElse(null) instanceof BindingState binding)) {
      return false;
    }
    return !hasStep(byAddress, GraphNode.of(binding.instance(), Step.DESTROY));
  }

  private static Optional<Address> instanceOf(ResourceChange change) {
    return change
        .desired()
        .filter(DesiredResource.OfBinding.class::isInstance)
        .map(d -> ((DesiredResource.OfBinding) d).binding().instance().address());
  }

  private static boolean hasStep(Map<Address, ResourceChange> changes, GraphNode node) {
    var change = changes.get(node.address());
    return change != null && steps(change.action()).contains(node.step());
  }

  static List<Step> steps(Action action) {
    return switch (action) {
      case CREATE, UPDATE -> List.of(Step.APPLY);
      case REPLACE -> List.of(Step.DESTROY, Step.APPLY);
      case DELETE -> List.of(Step.DESTROY);
      case NO_OP -> List.of();
    };
  }
}
