package dev.catalog.osb;

import java.time.Duration;

/**
 * Durations in messages as the configuration writes them ({@code 500ms}, {@code 5s}, {@code
 * 2m30s}), never {@code PT2M30S}: a message names a limit the user set and should read like it.
 */
final class Durations {
  private Durations() {}

  static String format(Duration d) {
    if (d.toMillis() < 1000 || d.toMillis() % 1000 != 0) {
      if (d.toMillis() < 60_000) {
        return d.toMillis() + "ms";
      }
    }
    long seconds = d.getSeconds();
    var text = new StringBuilder();
    if (seconds >= 3600) {
      text.append(seconds / 3600).append('h');
    }
    if (seconds % 3600 >= 60) {
      text.append(seconds % 3600 / 60).append('m');
    }
    if (seconds % 60 > 0 || text.length() == 0) {
      text.append(seconds % 60).append('s');
    }
    return text.toString();
  }
}
