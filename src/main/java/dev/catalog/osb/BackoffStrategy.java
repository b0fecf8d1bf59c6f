package dev.catalog.osb;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/** The wait before attempt {@code n + 1} after {@code n} attempts (n starts at 1). */
@FunctionalInterface
public interface BackoffStrategy {

  Duration delay(int attempt);

  /** {@code base * factor^(attempt-1)}, never more than {@code cap}. */
  static BackoffStrategy exponential(Duration base, double factor, Duration cap) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(cap, "cap");
    if (factor < 1.0) {
      throw new IllegalArgumentException("factor must be >= 1");
    }
    return attempt -> {
      double millis = base.toMillis() * Math.pow(factor, Math.max(0, attempt - 1));
      return millis >= cap.toMillis() ? cap : Duration.ofMillis((long) millis);
    };
  }

  /**
   * Spreads delays by +/- {@code spread} (0.2 = 20 %) so many clients do not poll in step; {@code
   * random} yields values in [0, 1).
   */
  default BackoffStrategy withJitter(double spread, DoubleSupplier random) {
    return attempt -> {
      var d = delay(attempt).toMillis();
      var factor = 1.0 + spread * (2 * random.getAsDouble() - 1);
      return Duration.ofMillis(Math.max(0, Math.round(d * factor)));
    };
  }

  /**
   * Spreads delays upwards only, by up to {@code spread} (0.2 = +20 %): never sooner than {@link
   * #delay}. For polls, where a poll sent early mostly finds the operation still running and costs
   * the broker a request (issue 7: a 2 s operation polled at 0.8 s needed a third poll).
   */
  default BackoffStrategy withUpwardJitter(double spread, DoubleSupplier random) {
    return attempt -> {
      var d = delay(attempt).toMillis();
      return Duration.ofMillis(Math.round(d * (1.0 + spread * random.getAsDouble())));
    };
  }

  /** Upward jitter from {@link ThreadLocalRandom}. */
  default BackoffStrategy withUpwardJitter(double spread) {
    return withUpwardJitter(spread, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** Jitter from {@link ThreadLocalRandom}. */
  default BackoffStrategy withJitter(double spread) {
    return withJitter(spread, () -> ThreadLocalRandom.current().nextDouble());
  }
}
