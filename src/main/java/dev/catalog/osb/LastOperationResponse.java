package dev.catalog.osb;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code last_operation} response (checklist P-10..P-15, P-27): state, the broker's progress
 * text, its {@code Retry-After}, and the usability flags of a failed update or deprovision.
 */
public record LastOperationResponse(
    PolledState state,
    Optional<String> description,
    Optional<Duration> retryAfter,
    Optional<Boolean> instanceUsable,
    Optional<Boolean> updateRepeatable) {
  public LastOperationResponse {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(retryAfter, "retryAfter");
    Objects.requireNonNull(instanceUsable, "instanceUsable");
    Objects.requireNonNull(updateRepeatable, "updateRepeatable");
  }
}
