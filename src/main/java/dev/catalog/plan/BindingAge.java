package dev.catalog.plan;

import dev.catalog.config.Rotation;
import dev.catalog.state.BindingState;
import dev.catalog.state.Imported;
import dev.catalog.state.LastOperation;
import dev.catalog.state.OperationState;
import dev.catalog.state.OperationType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Whether a recorded binding is due for rotation (issue 14). */
final class BindingAge {
  private BindingAge() {}

  /**
   * The reasons to rotate {@code recorded} at {@code now}: older than its declared {@code
   * rotation.every}, or past the broker's {@code renew_before} (or {@code expires_at}).
   */
  static List<ActionReason> rotationReasons(
      DesiredBinding desired, BindingState recorded, Instant now) {
    var reasons = new ArrayList<ActionReason>();
    var every = desired.config().rotation().map(Rotation::every);
    var bound = boundAt(recorded);
    if (every.isPresent() && bound.isPresent() && !bound.get().plus(every.get()).isAfter(now)) {
      reasons.add(ActionReason.ROTATION_DUE);
    }
    if (recorded.times().renewalDue(now)) {
      reasons.add(ActionReason.EXPIRING);
    }
    return reasons;
  }

  /** When the binding was bound: its succeeded bind's start, or when it was imported. */
  static Optional<Instant> boundAt(BindingState recorded) {
    return recorded
        .lastOperation()
        .filter(op -> op.type() == OperationType.BIND && op.state() == OperationState.SUCCEEDED)
        .map(LastOperation::started)
        .or(() -> recorded.imported().map(Imported::at));
  }
}
