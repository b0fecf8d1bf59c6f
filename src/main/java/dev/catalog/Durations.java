package dev.catalog;

import dev.catalog.CatalogException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Parses and prints durations as people write them: {@code 0s}, {@code 90s}, {@code 5m}, {@code
 * 1h30m}.
 */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|s|m|h|d))+");

  private Durations() {}

  /** Parses {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 500ms} or ISO-8601 {@code PT5M}. */
  public static Duration parse(String text) {
    var trimmed = text.trim();
    if (WHOLE.matcher(trimmed).matches()) {
      var total = Duration.ZERO;
      var m = PART.matcher(trimmed);
      while (m.find()) {
        long n = Long.parseLong(m.group(1));
        total =
            total.plus(
                switch (m.group(2)) {
                  case "ms" -> Duration.ofMillis(n);
                  case "s" -> Duration.ofSeconds(n);
                  case "m" -> Duration.ofMinutes(n);
                  case "h" -> Duration.ofHours(n);
                  default -> Duration.ofDays(n);
                });
      }
      return total;
    }
    try {
      return Duration.parse(trimmed);
    } catch (DateTimeParseException e) {
      throw new CatalogException(
          "invalid duration '" + text + "': use a number with ms, s, m, h or d, e.g. 30s or 5m");
    }
  }

  /** {@code 2h3m4s}, {@code 45s}, {@code 0s}. */
  public static String format(Duration duration) {
    long seconds = Math.max(0, duration.getSeconds());
    var text = new StringBuilder();
    if (seconds >= 86400) {
      text.append(seconds / 86400).append('d');
    }
    if (seconds % 86400 >= 3600) {
      text.append(seconds % 86400 / 3600).append('h');
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
