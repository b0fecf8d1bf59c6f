package dev.catalog.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks of single values: resource names, URLs, durations, file modes, Kubernetes names. */
final class ValueChecks {
  static final int MAX_NAME_LENGTH = 63;
  private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern DURATION = Pattern.compile("(?:(\\d+)(ms|s|m|h|d))+?");
  private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  private static final Pattern API_VERSION = Pattern.compile("\\d+\\.\\d+");
  static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private ValueChecks() {}

  /** Checks a resource name; reports at the name's location. */
  static boolean checkName(MapReader reader, String key, String name) {
    if (name.length() > MAX_NAME_LENGTH) {
      reader.error(
          key,
          "name is "
              + name.length()
              + " characters long; at most "
              + MAX_NAME_LENGTH
              + " are allowed",
          "");
      return false;
    }
    if (!NAME.matcher(name).matches()) {
      var suggestion = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
      reader.error(
          key,
          "invalid name \"" + name + "\": use only lowercase letters, digits and \"-\"",
          "try \"" + suggestion + "\"");
      return false;
    }
    return true;
  }

  /**
   * A broker URL: absolute http or https with a host, no credentials, query or fragment. A trailing
   * slash is dropped, since OSB paths ({@code /v2/catalog}) are appended to it. Problems never
   * quote the URL, which might carry a password.
   */
  static Optional<URI> brokerUrl(MapReader reader, String key, String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      reader.error(key, "not a valid URL: " + e.getReason() + " at index " + e.getIndex(), "");
      return Optional.empty();
    }
    var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      reader.error(
          key,
          "not an http or https URL",
          "write the broker's base URL, like https://broker.example.com");
    } else if (uri.getHost() == null) {
      reader.error(key, "the URL has no host", "write it like https://broker.example.com");
    } else if (uri.getRawUserInfo() != null) {
      reader.error(
          key, "the URL must not contain credentials", "use auth.basic with a password reference");
    } else if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      reader.error(key, "the URL must not have a query or fragment", "");
    } else {
      var trimmed = text.replaceAll("/+$", "");
      return Optional.of(URI.create(trimmed));
    }
    return Optional.empty();
  }

  /** {@code MAJOR.MINOR}, like {@code 2.17}. */
  static boolean checkApiVersion(MapReader reader, String key, String text) {
    if (API_VERSION.matcher(text).matches()) {
      return true;
    }
    reader.error(
        key, "invalid OSB API version \"" + text + "\"", "write MAJOR.MINOR, like \"2.17\"");
    return false;
  }

  /**
   * A positive duration like {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 30d} or
   * {@code 1m30s}.
   */
  static Optional<Duration> duration(MapReader reader, String key, String text) {
    if (DURATION.matcher(text).matches()) {
      var total = Duration.ZERO;
      Matcher part = DURATION_PART.matcher(text);
      while (part.find()) {
        long amount = Long.parseLong(part.group(1));
        total =
            total.plus(
                switch (part.group(2)) {
                  case "ms" -> Duration.ofMillis(amount);
                  case "s" -> Duration.ofSeconds(amount);
                  case "m" -> Duration.ofMinutes(amount);
                  case "h" -> Duration.ofHours(amount);
                  default -> Duration.ofDays(amount);
                });
      }
      if (!total.isZero()) {
        return Optional.of(total);
      }
      reader.error(key, "the duration must be greater than zero", "");
      return Optional.empty();
    }
    reader.error(
        key,
        "invalid duration \"" + text + "\"",
        "write a number with a unit (ms, s, m, h, d), like 10s, 2m or 1m30s");
    return Optional.empty();
  }

  /** A file mode: three or four octal digits, normalised to four ({@code 600} -> {@code 0600}). */
  static Optional<String> fileMode(MapReader reader, String key, String text) {
    if (text.matches("0?[0-7]{3}")) {
      return Optional.of(text.length() == 3 ? "0" + text : text);
    }
    reader.error(
        key, "invalid file mode \"" + text + "\"", "write octal permission bits, like \"0600\"");
    return Optional.empty();
  }

  /** A Kubernetes namespace name (a DNS label). */
  static boolean checkNamespace(MapReader reader, String key, String text) {
    if (text.length() <= 63 && DNS_LABEL.matcher(text).matches()) {
      return true;
    }
    reader.error(
        key,
        "invalid Kubernetes namespace \"" + text + "\"",
        "use lowercase letters, digits and \"-\", at most 63 characters");
    return false;
  }

  /** A Kubernetes object name (a DNS subdomain). */
  static boolean checkObjectName(MapReader reader, String key, String text) {
    if (text.length() <= 253 && DNS_SUBDOMAIN.matcher(text).matches()) {
      return true;
    }
    reader.error(
        key,
        "invalid Kubernetes object name \"" + text + "\"",
        "use lowercase letters, digits, \"-\" and \".\", at most 253 characters");
    return false;
  }
}
