package dev.catalog.apply;

import dev.catalog.Sleeper;
import java.time.Duration;

/** What a running step may tell the walk, and ask of it. */
public interface StepContext {
  /** Reports a poll of the operation with the broker's {@code description}, if it gave one. */
  void polling(String description);

  /**
   * Whether the apply was interrupted: a runner that is polling should record the operation as in
   * flight and return {@link StepOutcome#IN_PROGRESS} instead of waiting for it.
   */
  boolean cancelled();

  /**
   * Waits between two polls with {@code sleeper}; returns early once the apply is interrupted, so
   * the step can record its operation as in flight without waiting out the interval.
   */
  default void pause(Duration duration, Sleeper sleeper) throws InterruptedException {
    sleeper.sleep(duration);
  }
}
