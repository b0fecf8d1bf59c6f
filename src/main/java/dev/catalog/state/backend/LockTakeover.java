package dev.catalog.state.backend;

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

  /**
   * A sentence for the person whose command took the lock over, naming the dead holder; the
   * caller adds what it left in flight, which only the state shows.
   */
  public String describe() {
    return "Took over the state lock of "
        + previous.holder()
        + ", whose '"
        + previous.operation()
        + "' took it "
        + Durations.format(age)
        + " ago (lock id "
        + previous.id()
        + ", since "
        + previous.created()
        + ") and stopped renewing it "
        + Durations.format(silentFor)
        + " ago, most likely because that run died.";
  }
}
