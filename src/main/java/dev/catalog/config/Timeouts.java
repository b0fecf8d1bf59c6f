package dev.catalog.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts for calls to a broker.
 *
 * @param connect time to open a connection (default 10s)
 * @param request time for a whole request and its response (default 60s)
 */
public record Timeouts(Duration connect, Duration request) {
  /** The default connect timeout. */
  public static final Duration DEFAULT_CONNECT = Duration.ofSeconds(10);

  /** The default request timeout. */
  public static final Duration DEFAULT_REQUEST = Duration.ofSeconds(60);

  public Timeouts {
    Objects.requireNonNull(connect, "connect");
    Objects.requireNonNull(request, "request");
  }

  /** 10s to connect, 60s per request. */
  public static Timeouts defaults() {
    return new Timeouts(DEFAULT_CONNECT, DEFAULT_REQUEST);
  }
}
