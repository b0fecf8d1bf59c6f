package dev.catalog.plan;

import dev.catalog.state.BindingState;
import dev.catalog.state.InstanceState;
import dev.catalog.state.OperationType;
import dev.catalog.state.ResourceState;
import dev.catalog.state.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plan notes for work an earlier apply left: a pending orphan mitigation (OSB spec "Orphan
 * Mitigation"), which the next apply sends before anything else happens to that resource, and
 * operations still in flight, which it resumes (issue 6); and resources {@code catalog import}
 * adopted unverified, whose real values plan cannot see (docs/import.md).
 */
public final class UnfinishedWork {
  private UnfinishedWork() {}

  /**
   * Whether an earlier apply left work on {@code resource} that the next apply does even when the
   * configuration asks for no change; {@code plan --detailed-exitcode} counts it as a change.
   */
  public static boolean in(ResourceState resource) {
    return resource.inFlight()
        || !resource.pendingOrphanMitigation().isEmpty()
        || (resource instanceof BindingState b
            && (b.awaitingDelivery() || b.sinkToRemove().isPresent()));
  }

  /** What an earlier apply left on the resources of {@code state}, by address. */
  static List<PendingWork> pending(State state) {
    var pending = new ArrayList<PendingWork>();
    for (var resource : state.resources().values()) {
      for (var m : resource.pendingOrphanMitigation()) {
        pending.add(
            new PendingWork(
                resource.address(),
                resource.osbId(),
                PendingWork.Kind.ORPHAN_MITIGATION,
                m.operation(),
                m.since(),
                Optional.of(m.reason())));
      }
      if (resource.inFlight()) {
        var op = resource.lastOperation().orElseThrow();
        pending.add(
            new PendingWork(
                resource.address(),
                resource.osbId(),
                PendingWork.Kind.RESUME,
                op.type(),
                op.started(),
                Optional.empty()));
      }
      if (resource instanceof BindingState b && b.awaitingDelivery()) {
        pending.add(
            new PendingWork(
                resource.address(),
                resource.osbId(),
                PendingWork.Kind.DELIVERY,
                OperationType.BIND,
                b.lastOperation().orElseThrow().started(),
                Optional.empty()));
      }
      if (resource instanceof BindingState b && b.sinkToRemove().isPresent()) {
        pending.add(
            new PendingWork(
                resource.address(),
                resource.osbId(),
                PendingWork.Kind.SINK_REMOVAL,
                OperationType.BIND,
                b.lastOperation().map(op -> op.started()).orElse(java.time.Instant.EPOCH),
                Optional.of(
                    SinkDiffer.describe(b.sinkToRemove().get()))));
      }
    }
    return pending;
  }

  /** Notes for resources {@code catalog import} adopted unverified. */
  static List<String> notes(State state) {
    var notes = new ArrayList<String>();
    for (var resource : state.resources().values()) {
      unverifiedImport(resource).ifPresent(notes::add);
    }
    return notes;
  }

  private static Optional<String> unverifiedImport(ResourceState resource) {
    var imported =
        resource instanceof InstanceState i ? i.imported() : ((BindingState) resource).imported();
    return imported
        .filter(i -> !i.verified())
        .map(
            i ->
                resource.address()
                    + ": imported unverified at "
                    + i.at()
                    + " (its broker does not allow reading it back): plan assumes it matches"
                    + " the configuration"
                    + (resource instanceof BindingState
                        ? ", and catalog has not delivered its credentials"
                        : ""));
  }
}
