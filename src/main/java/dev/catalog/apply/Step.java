package dev.catalog.apply;

import dev.catalog.plan.GraphNode;
import dev.catalog.state.Address;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One node of the walk: a resource in one phase (destroy or apply, as in the plan's {@link
 * dev.catalog.plan.DependencyGraph}), what is done to it, and the nodes it waits for.
 *
 * @param node the resource and phase; unique in a walk (a replace is two nodes)
 * @param action what is done to it, which decides how it counts in the summary
 * @param dependsOn nodes that must succeed first (in a {@link Direction#FORWARD} walk); nodes not
 *     among the walk's steps count as already done (an unchanged instance)
 */
public record Step(GraphNode node, StepAction action, Set<GraphNode> dependsOn) {
  public Step {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(action, "action");
    dependsOn = Set.copyOf(dependsOn);
    if (node.kind() == GraphNode.Kind.BROKER) {
      throw new IllegalArgumentException("a broker read is not a step: " + node);
    }
    if (dependsOn.contains(node)) {
      throw new IllegalArgumentException(node + " depends on itself");
    }
  }

  /**
   * A step on {@code address} whose dependencies are in the same phase: the destroy phase for a
   * {@link StepAction#DELETE}, the apply phase otherwise.
   */
  public Step(String address, StepAction action, Set<String> dependsOn) {
    this(
        GraphNode.of(Address.parse(address), phaseOf(action)),
        action,
        dependsOn.stream()
            .map(d -> GraphNode.of(Address.parse(d), phaseOf(action)))
            .collect(Collectors.toSet()));
  }

  /** The resource. */
  public Address address() {
    return node.address();
  }

  /** Whether this is the destroy phase of its resource (a delete, or a replace's first half). */
  public boolean destroys() {
    return node.step() == GraphNode.Step.DESTROY;
  }

  private static GraphNode.Step phaseOf(StepAction action) {
    return action == StepAction.DELETE ? GraphNode.Step.DESTROY : GraphNode.Step.APPLY;
  }
}
