package dev.catalog.osb;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Parses {@code Retry-After} in both RFC 7231 forms, delta-seconds or an HTTP date (checklist P-14,
 * P-15). Invalid values are ignored, so the caller falls back to its own schedule.
 */
public final class RetryAfter {
  private RetryAfter() {}

  /** The wait the header asks for, measured from {@code clock}'s now; never negative. */
  public static Optional<Duration> parse(String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    var trimmed = value.trim();
    if (trimmed.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    try {
      var at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      var wait = Duration.between(clock.instant(), at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
