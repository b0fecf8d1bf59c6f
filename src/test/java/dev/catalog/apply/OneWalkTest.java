package dev.catalog.apply;

import static dev.catalog.apply.ApplyLogAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.CatalogException;
import dev.catalog.plan.GraphNode;
import dev.catalog.state.Address;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Destroys and applies in one walk over typed nodes, as {@link Applier} builds it (issue 12): a
 * create waits only for what it depends on, and a replace is two nodes reported as one.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OneWalkTest {
  final ApplyLog log = new ApplyLog();

  private static GraphNode destroy(String address) {
    return GraphNode.of(Address.parse(address), GraphNode.Step.DESTROY);
  }

  private static GraphNode apply(String address) {
    return GraphNode.of(Address.parse(address), GraphNode.Step.APPLY);
  }

  @Test
  void aCreateDoesNotWaitForAnUnrelatedDelete() {
    var createStarted = new CountDownLatch(1);
    var steps =
        List.of(
            new Step(destroy("instance.old"), StepAction.DELETE, Set.of()),
            new Step(apply("instance.new"), StepAction.CREATE, Set.of()));

    var result =
        walk(
            steps,
            (step, context) -> {
              if (step.destroys()) {
                // A slow deprovision: it ends only once the unrelated create has started.
                assertThat(createStarted.await(20, TimeUnit.SECONDS)).isTrue();
              } else {
                createStarted.countDown();
              }
              return StepOutcome.COMPLETED;
            });

    // The create started, and ended, while the delete was still running.
    assertThat(log.lines().indexOf("started instance.new"))
        .isLessThan(log.lines().indexOf("completed instance.old"));
    assertThat(log.lines())
        .containsExactlyInAnyOrder(
            "started instance.old",
            "started instance.new",
            "completed instance.new",
            "completed instance.old");
    assertThat(result.succeeded()).isTrue();
    assertThat(result.added()).isEqualTo(1);
    assertThat(result.destroyed()).isEqualTo(1);
  }

  @Test
  void aReplaceCreatesAfterItsDestroyAndItsBindingFollows() {
    var steps =
        List.of(
            new Step(destroy("binding.app"), StepAction.DELETE, Set.of()),
            new Step(destroy("instance.db"), StepAction.DELETE, Set.of(destroy("binding.app"))),
            new Step(apply("instance.db"), StepAction.REPLACE, Set.of(destroy("instance.db"))),
            new Step(
                apply("binding.app"),
                StepAction.REPLACE,
                Set.of(destroy("binding.app"), apply("instance.db"))));

    walk(steps, (step, context) -> StepOutcome.COMPLETED);

    assertThat(log.lines())
        .containsExactly(
            "started binding.app",
            "completed binding.app",
            "started instance.db",
            "completed instance.db",
            "started instance.db",
            "completed instance.db",
            "started binding.app",
            "completed binding.app");
  }

  @Test
  void aFailedDestroyHalfEndsItsReplaceOnceAndItsDependentsAreSkippedWithAnEvent() {
    var steps =
        List.of(
            new Step(destroy("instance.db"), StepAction.DELETE, Set.of()),
            new Step(apply("instance.db"), StepAction.REPLACE, Set.of(destroy("instance.db"))),
            new Step(apply("binding.app"), StepAction.CREATE, Set.of(apply("instance.db"))));

    var result =
        walk(
            steps,
            (step, context) -> {
              throw new CatalogException("instance.db: deprovision failed");
            });

    assertThat(log.lines())
        .containsExactly(
            "started instance.db",
            "failed instance.db instance.db: deprovision failed",
            "skipped binding.app because instance.db failed");
    assertThat(result.steps().stream().map(r -> r.status() + " " + r.step().node()).toList())
        .containsExactly(
            "FAILED instance.db (destroy)", "FAILED instance.db", "SKIPPED binding.app");
  }

  private ApplyResult walk(List<Step> steps, StepRunner runner) {
    return new GraphWalker(10, GraphWalkerTest.CLOCK)
        .walk(steps, Direction.FORWARD, runner, log, new CancellationToken());
  }
}
