package dev.catalog.osb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffStrategyTest {

  @Test
  void growsExponentiallyUpToTheCap() {
    var backoff = BackoffStrategy.exponential(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5));
    assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.delay(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.delay(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(backoff.delay(4)).isEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.delay(60)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void jitterSpreadsDelaysWithinTheGivenFraction() {
    var base = BackoffStrategy.exponential(Duration.ofSeconds(10), 1.0, Duration.ofSeconds(10));
    assertThat(base.withJitter(0.2, () -> 0.0).delay(1)).isEqualTo(Duration.ofSeconds(8));
    assertThat(base.withJitter(0.2, () -> 0.5).delay(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(base.withJitter(0.2, () -> 0.999999).delay(1)).isEqualTo(Duration.ofSeconds(12));
  }

  @Test
  void upwardJitterNeverShortensADelay() {
    var base = BackoffStrategy.exponential(Duration.ofSeconds(10), 1.0, Duration.ofSeconds(10));
    assertThat(base.withUpwardJitter(0.2, () -> 0.0).delay(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(base.withUpwardJitter(0.2, () -> 0.5).delay(1)).isEqualTo(Duration.ofSeconds(11));
    assertThat(base.withUpwardJitter(0.2, () -> 0.999999).delay(1))
        .isEqualTo(Duration.ofSeconds(12));
  }
}
