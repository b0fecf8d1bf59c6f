package dev.catalog.plan;

import dev.catalog.state.BindingState;
import dev.catalog.state.InstanceState;
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
        || (resource instanceof BindingState b && b.awaitingDelivery());
  }

  /** Whether any resource of {@code state} has unfinished work. */
  public static boolean exists(State state) {
    return state.resources().values().stream().anyMatch(UnfinishedWork::in);
  }

  static List<String> notes(State state) {
    var notes = new ArrayList<String>();
    for (var resource : state.resources().values()) {
      for (var pending : resource.pendingOrphanMitigation()) {
        notes.add(
            resource.address()
                + ": orphan mitigation pending since "
                + pending.since()
                + " ("
                + pending.reason()
                + "): apply first sends "
                + pending.operation().wireName()
                + " of "
                + resource.osbId());
      }
      if (resource.inFlight()) {
        var op = resource.lastOperation().orElseThrow();
        notes.add(
            resource.address()
                + ": "
                + op.type().wireName()
                + " in flight since "
                + op.started()
                + ": apply resumes it, refresh records how it ended");
      }
      if (resource instanceof BindingState b && b.awaitingDelivery()) {
        notes.add(
            resource.address()
                + ": bound at broker \""
                + b.broker()
                + "\" but its credentials were not delivered: apply delivers them (read back"
                + " from the broker when the offering is bindings_retrievable, else by unbinding"
                + " and binding anew)");
      }
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
