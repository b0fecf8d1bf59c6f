package dev.catalog.apply;

import static dev.catalog.apply.ChangeRunnerDecisionsTest.inFlight;
import static dev.catalog.apply.ChangeRunnerDecisionsTest.instanceOnly;
import static dev.catalog.apply.Engine.APP;
import static dev.catalog.apply.Engine.DB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.osb.PolledState;
import dev.catalog.state.OperationType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every decision of {@code catalog refresh}'s settlement of operations left in flight ({@link
 * InFlightSettlement}), one row each, against an {@link InMemoryBroker}: which request it sends
 * (one last_operation each, nothing that changes anything), what it says, and what state records.
 */
class InFlightSettlementDecisionsTest {
  @TempDir Path dir;

  static Stream<Arguments> rows() {
    return Stream.of(
        row(
            "a provision the broker reports succeeded is recorded as succeeded",
            e -> {
              instanceOnly(e).record(s -> s.with(inFlight(e, DB, OperationType.PROVISION, true)));
              e.broker.operation(e.instanceId(), PolledState.SUCCEEDED);
            },
            List.of("last_operation db"),
            List.of("instance.db: provision succeeded"),
            List.of("instance.db: provision succeeded", "binding.app: absent")),
        row(
            "a provision still running stays in flight",
            e -> {
              instanceOnly(e).record(s -> s.with(inFlight(e, DB, OperationType.PROVISION, true)));
              e.broker.operation(e.instanceId(), PolledState.IN_PROGRESS);
            },
            List.of("last_operation db"),
            List.of("instance.db: provision still in progress"),
            List.of("instance.db: provision in progress", "binding.app: absent")),
        row(
            "a provision the broker reports failed is recorded as failed, for apply to repair",
            e -> {
              instanceOnly(e).record(s -> s.with(inFlight(e, DB, OperationType.PROVISION, true)));
              e.broker.operation(e.instanceId(), PolledState.FAILED);
            },
            List.of("last_operation db"),
            List.of(
                "instance.db: provision failed: out of capacity; run catalog apply to repair it"),
            List.of("instance.db: provision failed", "binding.app: absent")),
        row(
            "a deprovision whose instance is gone is forgotten",
            e -> {
              instanceOnly(e).record(s -> s.with(inFlight(e, DB, OperationType.DEPROVISION, true)));
              e.broker.forgetsInstance(e.instanceId());
            },
            List.of("last_operation db"),
            List.of("instance.db: deleted"),
            List.of("instance.db: absent", "binding.app: absent")),
        row(
            "a finished bind is left for apply, which reads its credentials back",
            e -> {
              e.record(s -> s.with(inFlight(e, APP, OperationType.BIND, true)));
              e.broker.operation(e.bindingId(), PolledState.SUCCEEDED);
            },
            List.of("last_operation app"),
            List.of("binding.app: bind finished; run catalog apply to deliver its credentials"),
            List.of("instance.db: provision succeeded", "binding.app: bind in progress")),
        row(
            "an unbind whose binding is gone is forgotten with its delivered credentials",
            e -> {
              e.record(s -> s.with(inFlight(e, APP, OperationType.UNBIND, true)));
              e.broker.forgetsBinding(e.instanceId(), e.bindingId());
            },
            List.of("last_operation app"),
            List.of("binding.app: deleted"),
            List.of("instance.db: provision succeeded", "binding.app: absent")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void settles(
      String decision,
      Consumer<Engine> given,
      List<String> requests,
      List<String> said,
      List<String> recorded) {
    var engine = new Engine(dir);
    given.accept(engine);
    boolean unbound =
        recorded.contains("binding.app: absent") && engine.state().resource(APP).isPresent();
    if (unbound) {
      assertThat(engine.credentialsFile()).as("the delivered credentials").exists();
    }

    var run = engine.settle();

    assertThat(run.requests()).as("requests sent").isEqualTo(requests);
    assertThat(run.said()).as("what refresh says").isEqualTo(said);
    var lines = new ArrayList<String>();
    for (var address : List.of(DB, APP)) {
      lines.add(
          run.recorded(address)
              .map(
                  r ->
                      address
                          + ": "
                          + r.lastOperation().orElseThrow().type().wireName()
                          + " "
                          + r.lastOperation().orElseThrow().state().wireName())
              .orElse(address + ": absent"));
    }
    assertThat(lines).as("state").isEqualTo(recorded);
    if (unbound) {
      assertThat(engine.credentialsFile()).as("the delivered credentials").doesNotExist();
    }
  }

  private static Arguments row(
      String decision,
      Consumer<Engine> given,
      List<String> requests,
      List<String> said,
      List<String> recorded) {
    return Arguments.of(decision, given, requests, said, recorded);
  }
}
