package dev.catalog.plan;

import dev.catalog.state.BindingState;
import dev.catalog.state.InstanceState;
import dev.catalog.state.OrphanMitigation;
import dev.catalog.state.ResourceState;
import dev.catalog.state.State;
import java.util.ArrayList;
import java.util.List;

/**
 * Plan notes for work an earlier apply left: a pending orphan mitigation (OSB spec "Orphan
 * Mitigation"), which the next apply sends before anything else happens to that resource, and
 * operations still in flight, which it resumes (issue 6); and resources {@code catalog import}
 * adopted unverified, whose real values plan cannot see (docs/import.md).
 */
final class UnfinishedWork {
  private UnfinishedWork() {}

  static List<String> notes(State state) {
    var notes = new ArrayList<String>();
    for (var resource : state.resources().values()) {
      for (var pending : pending(resource)) {
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
      unverifiedImport(resource).ifPresent(notes::add);
    }
    return notes;
  }

  private static java.util.Optional<String> unverifiedImport(ResourceState resource) {
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

  private static List<OrphanMitigation> pending(ResourceState resource) {
    if (resource instanceof InstanceState i) {
      return i.pendingOrphanMitigation();
    }
    return ((BindingState) resource).pendingOrphanMitigation();
  }
}
