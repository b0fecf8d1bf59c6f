package dev.catalog.plan;

import dev.catalog.state.ResourceState;
import dev.catalog.state.State;
import java.util.ArrayList;
import java.util.List;

/**
 * Plan notes for work an earlier apply left: a pending orphan mitigation (OSB spec "Orphan
 * Mitigation"), which the next apply sends before anything else happens to that resource, and
 * operations still in flight, which it resumes (issue 6).
 */
public final class UnfinishedWork {
  private UnfinishedWork() {}

  /**
   * Whether an earlier apply left work on {@code resource} that the next apply does even when the
   * configuration asks for no change; {@code plan --detailed-exitcode} counts it as a change.
   */
  public static boolean in(ResourceState resource) {
    return resource.inFlight() || !resource.pendingOrphanMitigation().isEmpty();
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
    }
    return notes;
  }
}
