package dev.catalog;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How long catalog waits for a Git remote or a Kubernetes cluster: to connect, and for one whole
 * exchange (request, response headers and body, retries included). A server that accepts and then
 * stalls, or sends its answer a byte at a time, ends as an error naming the limit (issue 19).
 *
 * @param connect time to open a connection
 * @param request time for a whole exchange, body included
 * @param connectSetting where {@code connect} is set, for messages: {@code connectTimeout in the
 *     backend block}
 * @param requestSetting where {@code request} is set, for messages
 */
public record RemoteLimits(
    Duration connect, Duration request, String connectSetting, String requestSetting) {
  /** The default connect limit. */
  public static final Duration DEFAULT_CONNECT = Duration.ofSeconds(10);

  /** The default limit for one whole exchange. */
  public static final Duration DEFAULT_REQUEST = Duration.ofSeconds(60);

  /** The backend settings (in the block and in {@code --backend-config}). */
  public static final String CONNECT_SETTING = "connectTimeout";

  public static final String REQUEST_SETTING = "requestTimeout";

  public RemoteLimits {
    Objects.requireNonNull(connect, "connect");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(connectSetting, "connectSetting");
    Objects.requireNonNull(requestSetting, "requestSetting");
  }

  /**
   * Reads {@code connectTimeout} and {@code requestTimeout} (durations such as {@code 10s} or
   * {@code 2m}) from a backend's settings; absent ones take the defaults.
   *
   * @throws CatalogException naming the setting when a value is not a positive duration
   */
  public static RemoteLimits fromBackendSettings(Map<String, String> settings) {
    return read(
        settings.get(CONNECT_SETTING),
        settings.get(REQUEST_SETTING),
        CONNECT_SETTING + " in the backend block",
        REQUEST_SETTING + " in the backend block");
  }

  /**
   * Limits from two texts (null or blank: the default), set where the two settings say.
   *
   * @throws CatalogException naming the setting when a value is not a positive duration
   */
  public static RemoteLimits read(
      String connect, String request, String connectSetting, String requestSetting) {
    return new RemoteLimits(
        duration(connect, connectSetting, DEFAULT_CONNECT),
        duration(request, requestSetting, DEFAULT_REQUEST),
        connectSetting,
        requestSetting);
  }

  private static Duration duration(String text, String setting, Duration fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    Duration value;
    try {
      value = Durations.parse(text);
    } catch (CatalogException e) {
      throw new CatalogException(setting + ": " + e.getMessage());
    }
    if (value.isZero() || value.isNegative()) {
      throw new CatalogException(setting + ": must be greater than zero, got '" + text + "'");
    }
    return value;
  }

  /**
   * {@code within 2s (requestTimeout in the backend block; raise it if the server is only slow)}.
   */
  public String requestExceeded() {
    return "within "
        + Durations.format(request)
        + " ("
        + requestSetting
        + "; raise it if the server is only slow)";
  }

  /** {@code within 10s (connectTimeout in the backend block)}. */
  public String connectExceeded() {
    return "within " + Durations.format(connect) + " (" + connectSetting + ")";
  }
}
