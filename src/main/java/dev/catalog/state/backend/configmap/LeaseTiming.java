package dev.catalog.state.backend.configmap;

import java.time.Duration;

/**
 * How long a lock Lease lives without renewal and how often the heartbeat renews it.
 *
 * @param duration the Lease's {@code leaseDurationSeconds}
 * @param renewInterval the heartbeat period, a third of the duration by default so two missed beats
 *     still keep the lock
 */
public record LeaseTiming(Duration duration, Duration renewInterval) {
  public LeaseTiming {
    if (duration.toSeconds() < 1 || renewInterval.isNegative() || renewInterval.isZero()) {
      throw new IllegalArgumentException("lease duration >= 1s and renew interval > 0 required");
    }
  }

  /** The default heartbeat for a lease duration. */
  public static LeaseTiming of(Duration duration) {
    return new LeaseTiming(duration, duration.dividedBy(3));
  }
}
