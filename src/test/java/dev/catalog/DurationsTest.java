package dev.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void parsesHumanAndIsoDurations() {
    assertThat(Durations.parse("0s")).isEqualTo(Duration.ZERO);
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("PT2M")).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void rejectsGarbageWithAnExample() {
    assertThatThrownBy(() -> Durations.parse("soon"))
        .isInstanceOf(CatalogException.class)
        .hasMessage("invalid duration 'soon': use a number with ms, s, m, h or d, e.g. 30s or 5m");
  }

  @Test
  void formatsCompactly() {
    assertThat(Durations.format(Duration.ofSeconds(3725))).isEqualTo("1h2m5s");
    assertThat(Durations.format(Duration.ofDays(2))).isEqualTo("2d");
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
  }

  @Test
  void durationsReadTheWayPeopleSayThem() {
    assertThat(Durations.format(Duration.ofSeconds(4))).isEqualTo("4s");
    assertThat(Durations.format(Duration.ofSeconds(185))).isEqualTo("3m5s");
    assertThat(Durations.format(Duration.ofMinutes(125))).isEqualTo("2h5m");
    assertThat(Durations.format(Duration.ofSeconds(-3))).isEqualTo("0s");
  }
}
