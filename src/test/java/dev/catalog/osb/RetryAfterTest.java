package dev.catalog.osb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private final FakeClock clock = new FakeClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  @DisplayName("P-15: delta-seconds form")
  void parsesDeltaSeconds() {
    assertThat(RetryAfter.parse("7", clock)).contains(Duration.ofSeconds(7));
  }

  @Test
  @DisplayName("P-15: HTTP-date form, measured from the injected clock")
  void parsesHttpDate() {
    assertThat(RetryAfter.parse("Thu, 01 Jan 2026 00:01:30 GMT", clock))
        .contains(Duration.ofSeconds(90));
  }

  @Test
  @DisplayName("P-15: a date in the past means no wait")
  void pastDateMeansNoWait() {
    assertThat(RetryAfter.parse("Wed, 31 Dec 2025 23:00:00 GMT", clock)).contains(Duration.ZERO);
  }

  @Test
  @DisplayName("P-15: invalid values are ignored")
  void ignoresInvalidValues() {
    assertThat(RetryAfter.parse("abc", clock)).isEqualTo(Optional.empty());
    assertThat(RetryAfter.parse("-5", clock)).isEqualTo(Optional.empty());
    assertThat(RetryAfter.parse("", clock)).isEqualTo(Optional.empty());
    assertThat(RetryAfter.parse(null, clock)).isEqualTo(Optional.empty());
  }
}
