package dev.catalog.state.backend.configmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void durationsReadTheWayPeopleSayThem() {
    assertThat(Durations.format(Duration.ofSeconds(4))).isEqualTo("4s");
    assertThat(Durations.format(Duration.ofSeconds(185))).isEqualTo("3m5s");
    assertThat(Durations.format(Duration.ofMinutes(125))).isEqualTo("2h5m");
    assertThat(Durations.format(Duration.ofSeconds(-3))).isEqualTo("0s");
  }
}
