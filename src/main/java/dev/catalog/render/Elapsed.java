package dev.catalog.render;

import java.time.Duration;

/** Durations as Terraform prints them: {@code 0s}, {@code 12s}, {@code 1m2s}, {@code 1h0m5s}. */
final class Elapsed {
  private Elapsed() {}

  static String format(Duration duration) {
    long seconds = Math.max(0, duration.getSeconds());
    long hours = seconds / 3600;
    long minutes = seconds % 3600 / 60;
    long secs = seconds % 60;
    if (hours > 0) {
      return hours + "h" + minutes + "m" + secs + "s";
    }
    if (minutes > 0) {
      return minutes + "m" + secs + "s";
    }
    return secs + "s";
  }
}
