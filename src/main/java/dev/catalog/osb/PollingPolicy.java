package dev.catalog.osb;

import java.time.Duration;
import java.util.Objects;

/**
 * The polling schedule (checklist section 4.1): exponential backoff with jitter for the waits
 * between polls, a cap on one wait, and the platform's own maximum duration of an operation, which
 * the plan's {@code maximum_polling_duration} can only shorten.
 */
public record PollingPolicy(
    BackoffStrategy backoff, Duration maxInterval, Duration platformMaximum) {
  /**
   * First poll after 1 s, x1.5 with up to +20 % jitter (never earlier), at most 30 s apart, give up
   * after 24 h.
   */
  public static final PollingPolicy DEFAULT =
      new PollingPolicy(
          BackoffStrategy.exponential(Duration.ofSeconds(1), 1.5, Duration.ofSeconds(30))
              .withUpwardJitter(0.2),
          Duration.ofSeconds(30),
          Duration.ofHours(24));

  public PollingPolicy {
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(maxInterval, "maxInterval");
    Objects.requireNonNull(platformMaximum, "platformMaximum");
  }
}
