package dev.catalog.state.backend.configmap;

import dev.catalog.Durations;
import dev.catalog.state.backend.LockInfo;
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
    return "took over an expired state lock (operation '"
        + previous.operation()
        + "', lock id "
        + previous.id()
        + ", held by "
        + previous.holder()
        + ", since "
        + previous.created()
        + ", "
        + Durations.format(age)
        + " old, last renewed "
        + Durations.format(silentFor)
        + " ago): its holder probably died, check the state for operations in flight";
  }
}
