package dev.catalog.apply;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Progress of a walk, sent to an {@link ApplyListener}. Each event names its step. */
public sealed interface ApplyEvent {
  /** The step this event is about. */
  Step step();

  /** When it happened, from the walker's clock. */
  Instant at();

  /** The step was handed to its runner. */
  record Started(Step step, Instant at) implements ApplyEvent {
    public Started {
      Objects.requireNonNull(step, "step");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * The runner polled the broker's {@code last_operation}.
   *
   * @param description the broker's description of the operation; empty when it gave none
   * @param elapsed time since the step started
   */
  record Polling(Step step, Instant at, Duration elapsed, String description)
      implements ApplyEvent {
    public Polling {
      Objects.requireNonNull(step, "step");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(elapsed, "elapsed");
      Objects.requireNonNull(description, "description");
    }
  }

  /** The step succeeded. */
  record Completed(Step step, Instant at, Duration elapsed) implements ApplyEvent {
    public Completed {
      Objects.requireNonNull(step, "step");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(elapsed, "elapsed");
    }
  }

  /** The operation was accepted and left in flight (recorded in state, resumed by the next run). */
  record LeftInProgress(Step step, Instant at, Duration elapsed) implements ApplyEvent {
    public LeftInProgress {
      Objects.requireNonNull(step, "step");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(elapsed, "elapsed");
    }
  }

  /**
   * The step failed.
   *
   * @param message what went wrong, already written for the user (address first)
   */
  record Failed(Step step, Instant at, Duration elapsed, String message) implements ApplyEvent {
    public Failed {
      Objects.requireNonNull(step, "step");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(elapsed, "elapsed");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * The step was not started; every skipped step sends one.
   *
   * @param why the skip rule's reason, e.g. {@code because instance.orders-db failed}
   */
  record Skipped(Step step, Instant at, SkipReason why) implements ApplyEvent {
    public Skipped {
      Objects.requireNonNull(step, "step");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(why, "why");
    }

    /** The reason as shown to the user. */
    public String reason() {
      return why.text();
    }
  }
}
