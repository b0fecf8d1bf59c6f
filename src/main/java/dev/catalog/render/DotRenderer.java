package dev.catalog.render;

import dev.catalog.plan.DependencyGraph;
import dev.catalog.plan.GraphNode;

/** The dependency graph as Graphviz DOT, for {@code catalog graph}; edges point at dependencies. */
public final class DotRenderer {
  private DotRenderer() {}

  /** The DOT text, nodes and edges in a stable order. */
  public static String render(DependencyGraph graph) {
    var sb = new StringBuilder("digraph catalog {\n  rankdir = \"RL\";\n");
    for (var node : graph.nodes()) {
      sb.append("  ")
          .append(quote(node))
          .append(" [shape = ")
          .append(node.kind() == GraphNode.Kind.BROKER ? "box" : "ellipse")
          .append("];\n");
    }
    for (var edge : graph.edges()) {
      sb.append("  ")
          .append(quote(edge.getKey()))
          .append(" -> ")
          .append(quote(edge.getValue()))
          .append(";\n");
    }
    return sb.append("}\n").toString();
  }

  private static String quote(GraphNode node) {
    return "\"" + node.toString().replace("\"", "\\\"") + "\"";
  }
}
