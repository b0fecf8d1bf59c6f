package dev.catalog.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The order of a plan's steps as a value (brokers, then instances, then bindings; destroys in
 * reverse: unbind before deprovision, checklist D-01). It knows order only; the apply walker
 * decides readiness, skipping and concurrency (STYLE.md section 1).
 */
public final class DependencyGraph {
  private final SortedMap<GraphNode, SortedSet<GraphNode>> dependencies;

  /** A graph from each node to the nodes it depends on; refuses cycles. */
  public DependencyGraph(Map<GraphNode, ? extends Set<GraphNode>> dependencies) {
    var copy = new TreeMap<GraphNode, SortedSet<GraphNode>>();
    dependencies.forEach(
        (node, deps) -> {
          copy.put(node, Collections.unmodifiableSortedSet(new TreeSet<>(deps)));
          deps.forEach(d -> copy.putIfAbsent(d, Collections.emptySortedSet()));
        });
    this.dependencies = Collections.unmodifiableSortedMap(copy);
    topologicalOrder();
  }

  /** Every node, sorted. */
  public SortedSet<GraphNode> nodes() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(dependencies.keySet()));
  }

  /** The nodes that must succeed before {@code node} starts. */
  public SortedSet<GraphNode> dependenciesOf(GraphNode node) {
    return dependencies.getOrDefault(node, Collections.emptySortedSet());
  }

  /**
   * Whether the replace of {@code address} creates its new object before it destroys the old one
   * (issue 14): its destroy node waits for its apply node, the reverse of a plain replace.
   */
  public boolean createsBeforeDestroy(dev.catalog.state.Address address) {
    return dependenciesOf(GraphNode.of(address, GraphNode.Step.DESTROY))
        .contains(GraphNode.of(address, GraphNode.Step.APPLY));
  }

  /** The nodes waiting on {@code node}. */
  public SortedSet<GraphNode> dependentsOf(GraphNode node) {
    var out = new TreeSet<GraphNode>();
    dependencies.forEach(
        (n, deps) -> {
          if (deps.contains(node)) {
            out.add(n);
          }
        });
    return out;
  }

  /** All nodes, each after its dependencies; ties in node order, so the result is stable. */
  public List<GraphNode> topologicalOrder() {
    var remaining = new TreeMap<GraphNode, Integer>();
    dependencies.forEach((n, deps) -> remaining.put(n, deps.size()));
    var ready = new PriorityQueue<GraphNode>();
    remaining.forEach(
        (n, count) -> {
          if (count == 0) {
            ready.add(n);
          }
        });
    var order = new ArrayList<GraphNode>();
    while (!ready.isEmpty()) {
      var next = ready.poll();
      order.add(next);
      for (var dependent : dependentsOf(next)) {
        if (remaining.merge(dependent, -1, Integer::sum) == 0) {
          ready.add(dependent);
        }
      }
    }
    if (order.size() != dependencies.size()) {
      throw new IllegalStateException("dependency cycle among " + dependencies.keySet());
    }
    return List.copyOf(order);
  }

  /** Every edge as (node, dependency), in node order. */
  public List<Map.Entry<GraphNode, GraphNode>> edges() {
    var out = new ArrayList<Map.Entry<GraphNode, GraphNode>>();
    dependencies.forEach((n, deps) -> deps.forEach(d -> out.add(Map.entry(n, d))));
    return out;
  }
}
