package dev.catalog.plan;

import dev.catalog.state.Address;
import dev.catalog.state.ResourceKind;
import java.util.Comparator;
import java.util.Objects;

/**
 * One step apply takes: reading a broker, destroying a resource, or creating/updating it. A replace
 * is two nodes, destroy then apply, so its bindings can be destroyed in between.
 *
 * @param kind broker, instance or binding
 * @param name the broker's or resource's name
 * @param step what is done to it
 */
public record GraphNode(Kind kind, String name, Step step) implements Comparable<GraphNode> {
  /** What the node is about. */
  public enum Kind {
    BROKER,
    INSTANCE,
    BINDING
  }

  /** What apply does at the node. */
  public enum Step {
    /** A broker whose catalog the run uses. */
    READ,
    /** Deprovision or unbind. */
    DESTROY,
    /** Provision, update or bind. */
    APPLY
  }

  private static final Comparator<GraphNode> ORDER =
      Comparator.comparing(GraphNode::kind)
          .thenComparing(GraphNode::name)
          .thenComparing(GraphNode::step);

  public GraphNode {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(step, "step");
  }

  /** The broker node. */
  public static GraphNode broker(String name) {
    return new GraphNode(Kind.BROKER, name, Step.READ);
  }

  /** A resource's node. */
  public static GraphNode of(Address address, Step step) {
    var kind =
        address.kind() == ResourceKind.INSTANCE ? Kind.INSTANCE : Kind.BINDING;
    return new GraphNode(kind, address.name(), step);
  }

  /** The resource address; brokers have none. */
  public Address address() {
    return switch (kind) {
      case INSTANCE -> Address.instance(name);
      case BINDING -> Address.binding(name);
      case BROKER -> throw new IllegalStateException("a broker node has no resource address");
    };
  }

  @Override
  public int compareTo(GraphNode other) {
    return ORDER.compare(this, other);
  }

  /** {@code broker.acme}, {@code instance.db}, {@code instance.db (destroy)}. */
  @Override
  public String toString() {
    var base = kind.name().toLowerCase(java.util.Locale.ROOT) + "." + name;
    return step == Step.DESTROY ? base + " (destroy)" : base;
  }
}
