package dev.catalog.apply;

import dev.catalog.plan.GraphNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The steps of a walk with, for each, the steps that must succeed before it starts: its
 * dependencies in a forward walk, its dependents in a reversed one. Dependencies outside the walk
 * are dropped: they are resources with nothing to do.
 */
final class StepGraph {
  private final Map<GraphNode, Step> steps = new LinkedHashMap<>();
  private final Map<GraphNode, Set<GraphNode>> prerequisites = new HashMap<>();

  StepGraph(List<Step> given, Direction direction) {
    for (Step step : given) {
      if (steps.put(step.node(), step) != null) {
        throw new IllegalArgumentException("two steps for " + step.node());
      }
      prerequisites.put(step.node(), new TreeSet<>());
    }
    for (Step step : given) {
      for (GraphNode dependency : step.dependsOn()) {
        if (!steps.containsKey(dependency)) {
          continue;
        }
        if (direction == Direction.FORWARD) {
          prerequisites.get(step.node()).add(dependency);
        } else {
          prerequisites.get(dependency).add(step.node());
        }
      }
    }
    checkAcyclic();
  }

  /** The steps in the order given; the walk starts ready steps in this order. */
  List<Step> steps() {
    return List.copyOf(steps.values());
  }

  /** What must succeed before {@code node} starts, sorted. */
  Set<GraphNode> prerequisites(GraphNode node) {
    return prerequisites.get(node);
  }

  // A cycle would leave its steps waiting forever; the planner should never produce one.
  private void checkAcyclic() {
    var done = new HashSet<GraphNode>();
    var remaining = new ArrayList<>(steps.keySet());
    boolean progress = true;
    while (!remaining.isEmpty() && progress) {
      progress = remaining.removeIf(a -> done.containsAll(prerequisites.get(a)) && done.add(a));
    }
    if (!remaining.isEmpty()) {
      throw new IllegalArgumentException("dependency cycle among " + new TreeSet<>(remaining));
    }
  }
}
