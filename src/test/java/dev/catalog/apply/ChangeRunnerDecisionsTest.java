package dev.catalog.apply;

import static dev.catalog.apply.Engine.APP;
import static dev.catalog.apply.Engine.DB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.apply.Engine.Declared;
import dev.catalog.apply.InMemoryBroker.Answer;
import dev.catalog.osb.OsbOperation;
import dev.catalog.osb.PolledState;
import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import dev.catalog.state.InstanceState;
import dev.catalog.state.LastOperation;
import dev.catalog.state.OperationState;
import dev.catalog.state.OperationType;
import dev.catalog.state.OrphanMitigation;
import dev.catalog.state.ResourceState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every resume, replace, orphan-mitigation and gone-resource decision of {@link ChangeRunner}, one
 * row each, against an {@link InMemoryBroker} with no HTTP (issue 12): what an earlier run left in
 * state, what is declared, how the broker answers; then exactly which requests the apply sends, in
 * order, and what state records afterwards. {@code db} and {@code app} are the ids of the first
 * apply; {@code NEW} is an id this apply chose.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChangeRunnerDecisionsTest {
  @TempDir Path dir;

  static Stream<Arguments> rows() {
    return Stream.of(
        // Resumes of an instance operation an earlier apply left in flight.
        row(
            "an accepted provision left in flight is polled, never sent again",
            Declared.INSTANCE_ONLY,
            e ->
                instanceOnly(e).record(s -> s.with(inFlight(e, DB, OperationType.PROVISION, true))),
            List.of("last_operation db"),
            List.of("instance.db: same id, provision succeeded", "binding.app: absent")),
        row(
            "a provision the broker never got is sent again with the same id",
            Declared.INSTANCE_ONLY,
            e -> {
              instanceOnly(e).record(s -> s.with(inFlight(e, DB, OperationType.PROVISION, false)));
              e.broker.forgetsInstance(e.instanceId());
            },
            List.of("last_operation db", "provision db"),
            List.of("instance.db: same id, provision succeeded", "binding.app: absent")),
        row(
            "a provision the broker got but never answered is polled, not sent again (P-28)",
            Declared.INSTANCE_ONLY,
            e ->
                instanceOnly(e)
                    .record(s -> s.with(inFlight(e, DB, OperationType.PROVISION, false))),
            List.of("last_operation db", "last_operation db"),
            List.of("instance.db: same id, provision succeeded", "binding.app: absent")),
        row(
            "a provision in flight of an instance no longer declared is deprovisioned at once"
                + " (D-09)",
            Declared.NOTHING,
            e ->
                instanceOnly(e).record(s -> s.with(inFlight(e, DB, OperationType.PROVISION, true))),
            List.of("deprovision db"),
            List.of("instance.db: absent", "binding.app: absent")),
        row(
            "an accepted update left in flight is polled",
            Declared.INSTANCE_ONLY,
            e -> instanceOnly(e).record(s -> s.with(inFlight(e, DB, OperationType.UPDATE, true))),
            List.of("last_operation db"),
            List.of("instance.db: same id, update succeeded", "binding.app: absent")),
        row(
            "an update never answered is closed, and nothing is sent when none is planned",
            Declared.INSTANCE_ONLY,
            e -> instanceOnly(e).record(s -> s.with(inFlight(e, DB, OperationType.UPDATE, false))),
            List.of(),
            List.of("instance.db: same id, update succeeded", "binding.app: absent")),
        row(
            "an update never answered is followed by the update the plan still has",
            Declared.INSTANCE_RESIZED,
            e -> e.record(s -> s.with(inFlight(e, DB, OperationType.UPDATE, false))),
            List.of("update db"),
            List.of(
                "instance.db: same id, update succeeded", "binding.app: same id, bind succeeded")),
        row(
            "an accepted deprovision is polled and the instance forgotten",
            Declared.NOTHING,
            e -> {
              instanceOnly(e).record(s -> s.with(inFlight(e, DB, OperationType.DEPROVISION, true)));
              e.broker
                  .forgetsInstance(e.instanceId())
                  .operation(e.instanceId(), PolledState.SUCCEEDED);
            },
            List.of("last_operation db"),
            List.of("instance.db: absent", "binding.app: absent")),
        row(
            "a deprovision never answered is sent again",
            Declared.NOTHING,
            e ->
                instanceOnly(e)
                    .record(s -> s.with(inFlight(e, DB, OperationType.DEPROVISION, false))),
            List.of("deprovision db"),
            List.of("instance.db: absent", "binding.app: absent")),
        // Resumes of a binding operation.
        row(
            "an accepted bind left in flight is polled and its credentials read back",
            Declared.BOTH,
            e -> e.record(s -> s.with(inFlight(e, APP, OperationType.BIND, true))),
            List.of("last_operation app", "fetch app"),
            List.of(
                "instance.db: same id, provision succeeded",
                "binding.app: same id, bind succeeded")),
        row(
            "a bind the broker never got is sent again with the same id",
            Declared.BOTH,
            e -> {
              e.record(s -> s.with(inFlight(e, APP, OperationType.BIND, false)));
              e.broker.forgetsBinding(e.instanceId(), e.bindingId());
            },
            List.of("bind app"),
            List.of(
                "instance.db: same id, provision succeeded",
                "binding.app: same id, bind succeeded")),
        row(
            "a bind in flight of a binding no longer declared is unbound at once (UB-05)",
            Declared.INSTANCE_ONLY,
            e -> e.record(s -> s.with(inFlight(e, APP, OperationType.BIND, true))),
            List.of("unbind app"),
            List.of("instance.db: same id, provision succeeded", "binding.app: absent")),
        row(
            "an accepted unbind is polled and the binding forgotten",
            Declared.INSTANCE_ONLY,
            e -> {
              e.record(s -> s.with(inFlight(e, APP, OperationType.UNBIND, true)));
              e.broker.forgetsBinding(e.instanceId(), e.bindingId());
              e.broker.operation(e.bindingId(), PolledState.SUCCEEDED);
            },
            List.of("last_operation app"),
            List.of("instance.db: same id, provision succeeded", "binding.app: absent")),
        row(
            "an unbind never answered is sent again",
            Declared.INSTANCE_ONLY,
            e -> e.record(s -> s.with(inFlight(e, APP, OperationType.UNBIND, false))),
            List.of("unbind app"),
            List.of("instance.db: same id, provision succeeded", "binding.app: absent")),
        // Replace and update.
        row(
            "a changed binding is replaced: unbound first, then bound under a new id",
            Declared.BINDING_CHANGED,
            e -> {},
            List.of("unbind app", "bind NEW"),
            List.of(
                "instance.db: same id, provision succeeded",
                "binding.app: new id, bind succeeded")),
        row(
            "changed parameters update the instance in place",
            Declared.INSTANCE_RESIZED,
            e -> {},
            List.of("update db"),
            List.of(
                "instance.db: same id, update succeeded", "binding.app: same id, bind succeeded")),
        // Orphan mitigation.
        row(
            "a provision that fails is orphan-mitigated and not recorded",
            Declared.INSTANCE_ONLY,
            e -> {
              e.record(s -> s.without(APP).without(DB));
              e.broker.answer(OsbOperation.PROVISION, Answer.ASYNC_FAILS);
            },
            List.of("provision NEW", "last_operation NEW", "deprovision NEW"),
            List.of(
                "instance.db: absent",
                "binding.app: absent",
                "failed instance.db: instance.db: provision failed: \"out of capacity\";"
                    + " orphan mitigation deprovisioned it")),
        row(
            "a provision answered 500 is orphan-mitigated and not recorded",
            Declared.INSTANCE_ONLY,
            e -> {
              e.record(s -> s.without(APP).without(DB));
              e.broker.answer(OsbOperation.PROVISION, Answer.SERVER_ERROR);
            },
            List.of("provision NEW", "deprovision NEW"),
            List.of(
                "instance.db: absent",
                "binding.app: absent",
                "failed instance.db: instance.db: "
                    + serverError("provision", "NEW")
                    + "; orphan mitigation deprovisioned it")),
        row(
            "a bind that fails is orphan-mitigated and not recorded",
            Declared.BOTH,
            e -> {
              e.record(s -> s.without(APP));
              e.broker.answer(OsbOperation.BIND, Answer.ASYNC_FAILS);
            },
            List.of("bind NEW", "last_operation NEW", "unbind NEW"),
            List.of(
                "instance.db: same id, provision succeeded",
                "binding.app: absent",
                "failed binding.app: binding.app: bind failed: \"out of capacity\";"
                    + " orphan mitigation unbound it")),
        row(
            "a pending orphan mitigation is sent first, then the instance is created anew",
            Declared.INSTANCE_ONLY,
            e -> instanceOnly(e).record(s -> s.with(pending(e, DB))),
            List.of("deprovision db", "provision NEW"),
            List.of("instance.db: new id, provision succeeded", "binding.app: absent")),
        row(
            "a pending orphan mitigation that fails again stays pending and nothing else is sent",
            Declared.INSTANCE_ONLY,
            e -> {
              instanceOnly(e).record(s -> s.with(pending(e, DB)));
              e.broker.answer(OsbOperation.DEPROVISION, Answer.SERVER_ERROR);
            },
            List.of("deprovision db"),
            List.of(
                "instance.db: same id, provision failed, orphan mitigation pending",
                "binding.app: absent",
                "failed instance.db: instance.db: orphan mitigation failed again and stays"
                    + " pending: "
                    + serverError("deprovision", "db"))),
        // Drift recovery: a resource gone at its broker (ChangeRunner.replacesGone).
        row(
            "an instance gone at its broker is provisioned anew and nothing is sent for the old id",
            Declared.INSTANCE_ONLY,
            e -> {
              instanceOnly(e).goneAtBroker(DB);
              e.broker.forgetsInstance(e.instanceId());
            },
            List.of("provision NEW"),
            List.of("instance.db: new id, provision succeeded", "binding.app: absent")),
        row(
            "a binding gone at its broker is bound anew and nothing is sent for the old id",
            Declared.BOTH,
            e -> {
              e.goneAtBroker(APP);
              e.broker.forgetsBinding(e.instanceId(), e.bindingId());
            },
            List.of("bind NEW"),
            List.of(
                "instance.db: same id, provision succeeded",
                "binding.app: new id, bind succeeded")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void decides(
      String decision,
      Declared declared,
      Consumer<Engine> given,
      List<String> requests,
      List<String> recorded) {
    var engine = new Engine(dir);
    given.accept(engine);

    var run = engine.apply(declared, true);

    assertThat(run.requests()).as("requests sent").isEqualTo(requests);
    assertThat(describe(engine, run)).as("state and failures").isEqualTo(recorded);
  }

  private static Arguments row(
      String decision,
      Declared declared,
      Consumer<Engine> given,
      List<String> requests,
      List<String> recorded) {
    return Arguments.of(decision, declared, given, requests, recorded);
  }

  /** The state without binding.app: a scene of the instance alone. */
  static Engine instanceOnly(Engine e) {
    return e.record(s -> s.without(APP));
  }

  /** The resource at {@code address} with {@code type} in flight, accepted (a token) or not. */
  static ResourceState inFlight(Engine e, Address address, OperationType type, boolean accepted) {
    var op =
        new LastOperation(
            type,
            OperationState.IN_PROGRESS,
            accepted ? Optional.of("op-" + address.name()) : Optional.empty(),
            e.clock.instant(),
            Optional.empty());
    var current = e.state().resource(address).orElseThrow();
    return current instanceof InstanceState i
        ? i.withLastOperation(op)
        : ((BindingState) current).withLastOperation(op);
  }

  /** The instance with the clean-up of a failed provision pending. */
  static ResourceState pending(Engine e, Address address) {
    var current = (InstanceState) e.state().resource(address).orElseThrow();
    var failed =
        new LastOperation(
            OperationType.PROVISION,
            OperationState.FAILED,
            Optional.empty(),
            e.clock.instant(),
            Optional.empty());
    var mitigation =
        new OrphanMitigation(OperationType.DEPROVISION, "provision failed", e.clock.instant());
    return Records.withPending(current.withLastOperation(failed), List.of(mitigation));
  }

  static String serverError(String operation, String id) {
    return operation
        + " instance \""
        + id
        + "\": broker returned 500 Internal Server Error: \"the broker is on fire\""
        + " [request in-memory]";
  }

  /** {@code text} with the first apply's ids as {@code db} and {@code app}, and others as NEW. */
  static String named(Engine engine, String text) {
    return text.replace(engine.instanceId(), "db")
        .replace(engine.bindingId(), "app")
        .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "NEW");
  }

  /**
   * One line per resource (its id against the first apply's, its last operation), then failures.
   */
  static List<String> describe(Engine engine, Engine.Run run) {
    var lines = new ArrayList<String>();
    for (var address : List.of(DB, APP)) {
      var recorded = run.recorded(address);
      if (recorded.isEmpty()) {
        lines.add(address + ": absent");
        continue;
      }
      var r = recorded.get();
      var original = address.equals(DB) ? engine.instanceId() : engine.bindingId();
      var op = r.lastOperation().orElseThrow();
      lines.add(
          address
              + ": "
              + (r.osbId().equals(original) ? "same id, " : "new id, ")
              + op.type().wireName()
              + " "
              + op.state().wireName()
              + (r.pendingOrphanMitigation().isEmpty() ? "" : ", orphan mitigation pending"));
    }
    run.result().steps().stream()
        .filter(s -> s.status() == StepStatus.FAILED)
        .forEach(s -> lines.add("failed " + s.step().address() + ": " + named(engine, s.detail())));
    return lines;
  }
}
