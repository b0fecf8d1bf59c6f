package dev.catalog.state.backend;

import java.time.Duration;

/**
 * An expired lock that was taken over: its holder stopped renewing it, most likely because it died
 * mid-operation.
 *
 * @param previous the lock that expired
 * @param age how long ago the previous lock was taken
 * @param silentFor how long ago its holder last renewed it
 */
public record LockTakeover(LockInfo previous, Duration age, Duration silentFor) {

  /** One line for the person whose command took the lock over. */
  public String describe() {
    return "Took over an expired state lock: ID "
        + previous.id()
        + " held by "
        + previous.holder()
        + " for "
        + previous.operation()
        + " since "
        + previous.created()
        + " ("
        + Durations.format(age)
        + " ago), last renewed "
        + Durations.format(silentFor)
        + " ago. Its holder probably died; check the state for operations in flight.";
  }
}
