package dev.catalog.state.backend.configmap;

import java.time.Duration;

/** Formats lock ages the way people read them: {@code 2h5m}, {@code 1m30s}, {@code 4s}. */
final class Durations {
  private Durations() {}

  static String format(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    long hours = seconds / 3600;
    long minutes = seconds % 3600 / 60;
    long rest = seconds % 60;
    if (hours > 0) {
      return hours + "h" + minutes + "m";
    }
    if (minutes > 0) {
      return minutes + "m" + rest + "s";
    }
    return rest + "s";
  }
}
