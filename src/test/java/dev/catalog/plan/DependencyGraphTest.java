package dev.catalog.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.catalog.plan.GraphNode.Step;
import dev.catalog.render.DotRenderer;
import dev.catalog.state.Address;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The graph apply walks: brokers, instances, bindings; destroys reversed; replace split. */
class DependencyGraphTest {
  private static final DependencyGraph GRAPH = PlanFixtures.allActions(List.of()).graph();

  private static GraphNode node(String address, Step step) {
    return GraphNode.of(Address.parse(address), step);
  }

  static Stream<Arguments> orderings() {
    return Stream.of(
        Arguments.of("binding.old-app", Step.DESTROY, "instance.old", Step.DESTROY),
        Arguments.of("instance.moved", Step.APPLY, "binding.moved-app", Step.APPLY),
        Arguments.of("binding.moved-app", Step.DESTROY, "instance.moved", Step.DESTROY),
        Arguments.of("instance.moved", Step.DESTROY, "instance.moved", Step.APPLY),
        Arguments.of("instance.resized", Step.APPLY, "binding.params-app", Step.APPLY),
        // Issue 14: a binding whose instance stays is replaced create-before-destroy.
        Arguments.of("binding.params-app", Step.APPLY, "binding.params-app", Step.DESTROY));
  }

  @ParameterizedTest(name = "{0} ({1}) before {2} ({3})")
  @MethodSource("orderings")
  void ordersStepsByDependency(String first, Step firstStep, String then, Step thenStep) {
    var order = GRAPH.topologicalOrder();

    assertThat(order.indexOf(node(first, firstStep)))
        .isNotNegative()
        .isLessThan(order.indexOf(node(then, thenStep)));
  }

  @Test
  void startsEveryResourceStepAfterItsBroker() {
    assertThat(GRAPH.dependenciesOf(node("instance.new-db", Step.APPLY)))
        .contains(GraphNode.broker("acme"));
    assertThat(GRAPH.dependenciesOf(node("instance.moved", Step.APPLY)))
        .contains(GraphNode.broker("beta"), node("instance.moved", Step.DESTROY));
  }

  @Test
  void givesNoStepToResourcesThatDoNotChange() {
    assertThat(GRAPH.nodes())
        .doesNotContain(node("instance.same", Step.APPLY), node("binding.same-app", Step.APPLY));
  }

  @Test
  void refusesACycle() {
    var a = GraphNode.broker("a");
    var b = GraphNode.broker("b");

    var thrown = catchThrowable(() -> new DependencyGraph(Map.of(a, Set.of(b), b, Set.of(a))));

    assertThat(thrown)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("dependency cycle among [broker.a, broker.b]");
  }

  @Test
  void printsTheGraphAsDot() {
    var plan = PlanFixtures.allActions(List.of(Address.binding("params-app")));

    assertThat(DotRenderer.render(plan.graph()))
        .isEqualTo(
            """
            digraph catalog {
              rankdir = "RL";
              "broker.acme" [shape = box];
              "instance.resized" [shape = ellipse];
              "binding.params-app (destroy)" [shape = ellipse];
              "binding.params-app" [shape = ellipse];
              "instance.resized" -> "broker.acme";
              "binding.params-app (destroy)" -> "broker.acme";
              "binding.params-app (destroy)" -> "binding.params-app";
              "binding.params-app" -> "broker.acme";
              "binding.params-app" -> "instance.resized";
            }
            """);
  }
}
