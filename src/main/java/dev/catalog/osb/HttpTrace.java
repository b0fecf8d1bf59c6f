package dev.catalog.osb;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * Receives one event per HTTP exchange with a broker, for {@code --verbose}. Events carry method,
 * URL, status, timing and request identity only: never headers, bodies or credentials.
 */
@FunctionalInterface
public interface HttpTrace {
  /** Drops every event. */
  HttpTrace NONE = exchange -> {};

  void exchange(HttpExchange exchange);

  /**
   * A failed attempt is about to be retried after {@code delay}.
   *
   * @param operation what was sent, e.g. {@code fetch catalog}
   * @param reason why it failed, e.g. {@code cannot connect to URL: connection refused}
   */
  default void retrying(
      String operation, String reason, Duration delay, int nextAttempt, int maxAttempts) {}

  /**
   * This trace, with every retry also announced on {@code err} as one line: {@code broker "acme":
   * fetch catalog: cannot connect to ...: connection refused; retrying in 2s, attempt 2/4}.
   */
  default HttpTrace announcingRetries(PrintWriter err, String brokerName) {
    var inner = this;
    return new HttpTrace() {
      @Override
      public void exchange(HttpExchange exchange) {
        inner.exchange(exchange);
      }

      @Override
      public void retrying(
          String operation, String reason, Duration delay, int nextAttempt, int maxAttempts) {
        inner.retrying(operation, reason, delay, nextAttempt, maxAttempts);
        var shown =
            delay.toMillis() < 1000 ? delay : Duration.ofSeconds((delay.toMillis() + 999) / 1000);
        synchronized (err) {
          err.println(
              "broker \""
                  + brokerName
                  + "\": "
                  + operation
                  + ": "
                  + reason
                  + "; retrying in "
                  + Durations.format(shown)
                  + ", attempt "
                  + nextAttempt
                  + "/"
                  + maxAttempts);
          err.flush();
        }
      }
    };
  }

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
