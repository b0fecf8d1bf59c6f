package dev.catalog.apply;

import dev.catalog.plan.GraphNode;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a step was not started: the one skip rule of the walk (issue 12). A step starts only when
 * every step it waits for has succeeded; otherwise it is skipped because of the first that did
 * not, or because the apply was interrupted before it could start.
 *
 * @param cause what stopped it
 * @param blocker the step it waited for that did not succeed; empty for {@link Cause#INTERRUPTED}
 */
public record SkipReason(Cause cause, Optional<GraphNode> blocker) {
  /** What stopped a step. */
  public enum Cause {
    /** A step it waits for failed. */
    FAILED,
    /** A step it waits for was skipped itself. */
    SKIPPED,
    /** A step it waits for was left in progress (interrupt, {@code --no-wait}). */
    IN_PROGRESS,
    /** The apply was interrupted before the step could start. */
    INTERRUPTED
  }

  public SkipReason {
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(blocker, "blocker");
    if (blocker.isEmpty() != (cause == Cause.INTERRUPTED)) {
      throw new IllegalArgumentException(cause + " with blocker " + blocker);
    }
  }

  /** Skipped because {@code blocker} ended with {@code status} (not succeeded). */
  public static SkipReason blockedBy(GraphNode blocker, StepStatus status) {
    var cause =
        switch (status) {
          case FAILED -> Cause.FAILED;
          case SKIPPED -> Cause.SKIPPED;
          case IN_PROGRESS -> Cause.IN_PROGRESS;
          case SUCCEEDED -> throw new IllegalArgumentException("a succeeded step blocks nothing");
        };
    return new SkipReason(cause, Optional.of(blocker));
  }

  /** Not started because the apply was interrupted. */
  public static SkipReason interrupted() {
    return new SkipReason(Cause.INTERRUPTED, Optional.empty());
  }

  /**
   * The reason as shown to the user, naming the blocking resource by its address: {@code because
   * instance.db failed}, {@code not started because the apply was interrupted}.
   */
  public String text() {
    var address = blocker.map(n -> n.address().toString()).orElse("");
    return switch (cause) {
      case FAILED -> "because " + address + " failed";
      case SKIPPED -> "because " + address + " was skipped";
      case IN_PROGRESS -> "because " + address + " is still in progress";
      case INTERRUPTED -> "not started because the apply was interrupted";
    };
  }

  @Override
  public String toString() {
    return text();
  }
}
