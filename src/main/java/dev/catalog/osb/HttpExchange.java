package dev.catalog.osb;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One traced HTTP exchange (checklist H-13: the request identity is logged together with what the
 * broker echoed back).
 *
 * @param status the HTTP status, or 0 when no response arrived
 * @param failure why no response arrived (timeout, connection refused), if so
 */
public record HttpExchange(
    String method,
    URI url,
    int status,
    Duration elapsed,
    String requestId,
    int attempt,
    Optional<String> failure,
    Optional<String> echoedRequestId) {

  public HttpExchange {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(echoedRequestId, "echoedRequestId");
  }

  /**
   * {@code osb: PUT http://h/v2/service_instances/1?accepts_incomplete=true -> 201 (12 ms) ...}.
   */
  public String describe() {
    var outcome = status > 0 ? String.valueOf(status) : failure.orElse("no response");
    var line =
        new StringBuilder("osb: ")
            .append(method)
            .append(' ')
            .append(url)
            .append(" -> ")
            .append(outcome)
            .append(" (")
            .append(elapsed.toMillis())
            .append(" ms) request-id=")
            .append(requestId);
    if (attempt > 1) {
      line.append(" attempt=").append(attempt);
    }
    echoedRequestId
        .filter(id -> !id.equals(requestId))
        .ifPresent(id -> line.append(" broker-request-id=").append(id));
    return line.toString();
  }
}
