package dev.catalog.osb;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently transient failures are retried; which requests may be retried at all
 * is {@link RetrySafety}'s decision. {@code Retry-After} on a 503 acts as a floor, capped by {@code
 * maxDelay} (checklist section 4.2).
 */
public record RetryPolicy(int maxAttempts, BackoffStrategy backoff, Duration maxDelay) {
  /** Four attempts, 0.5 s doubling to at most 8 s, +/-20 % jitter. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(
          4,
          BackoffStrategy.exponential(Duration.ofMillis(500), 2.0, Duration.ofSeconds(8))
              .withJitter(0.2),
          Duration.ofSeconds(30));

  /** One attempt, no retries. */
  public static final RetryPolicy NONE =
      new RetryPolicy(1, attempt -> Duration.ZERO, Duration.ZERO);

  public RetryPolicy {
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }
}
