package dev.catalog.osb;

import java.io.PrintWriter;

/**
 * Receives one event per HTTP exchange with a broker, for {@code --verbose}. Events carry method,
 * URL, status, timing and request identity only: never headers, bodies or credentials.
 */
@FunctionalInterface
public interface HttpTrace {
  /** Drops every event. */
  HttpTrace NONE = exchange -> {};

  void exchange(HttpExchange exchange);

  /** Writes one line per exchange, e.g. for stderr under {@code --verbose}. */
  static HttpTrace printingTo(PrintWriter out) {
    return exchange -> {
      synchronized (out) {
        out.println(exchange.describe());
        out.flush();
      }
    };
  }
}
