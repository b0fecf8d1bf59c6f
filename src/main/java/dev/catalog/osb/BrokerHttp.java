package dev.catalog.osb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.CatalogException;
import dev.catalog.Sleeper;
import dev.catalog.Redactor;
import dev.catalog.osb.RetrySafety.TransientFailure;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.SSLException;

/**
 * Sends requests to one broker over a shared {@link HttpClient}: adds the OSB headers (checklist
 * H-01, H-04, H-05, H-08, H-12, H-14), enforces timeouts, limits body size, traces every exchange
 * and retries transient failures where {@link RetrySafety} allows.
 */
final class BrokerHttp {
  private final BrokerConnection connection;
  private final HttpClient client;
  private final HttpTrace trace;
  private final Sleeper sleeper;
  private final Clock clock;
  private final RetryPolicy retry;
  private final Redactor redactor;
  private final String brokerName;

  BrokerHttp(
      BrokerConnection connection,
      HttpTrace trace,
      Sleeper sleeper,
      Clock clock,
      RetryPolicy retry,
      Redactor redactor,
      String brokerName) {
    this.connection = connection;
    this.redactor = redactor;
    this.brokerName = brokerName;
    connection.auth().addTo(redactor);
    this.trace = trace;
    this.sleeper = sleeper;
    this.clock = clock;
    this.retry = retry;
    var builder =
        HttpClient.newBuilder()
            // HTTP/1.1: no h2c upgrade attempts, which some brokers mishandle (checklist 4.8).
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            // Responses are handled on the client's selector thread instead of being handed to a
            // pool thread first: the caller is woken once per response, not twice. Nothing run
            // there blocks (the body is read by the caller), and a refresh sends 10,000 GETs, 20 ms
            // each at the broker, where every hand-off adds to the wall time (issue 7).
            .executor(Runnable::run)
            .connectTimeout(connection.connectTimeout());
    if ("https".equals(connection.baseUrl().getScheme())) {
      builder.sslContext(TlsContexts.forSettings(connection.tls()));
    }
    this.client = builder.build();
  }

  BrokerConnection connection() {
    return connection;
  }

  /** Sends with retries; returns any HTTP response, throws only when none arrived in the end. */
  BrokerResponse send(BrokerRequest request) {
    for (int attempt = 1; ; attempt++) {
      var requestId = UUID.randomUUID().toString();
      var started = System.nanoTime();
      String failure;
      try {
        var response = exchange(request, requestId, started);
        var result = read(request, response, requestId);
        traceExchange(
            request,
            result.status(),
            started,
            requestId,
            attempt,
            Optional.empty(),
            result.header("X-Broker-API-Request-Identity"));
        if (RetrySafety.isGatewayStatus(result.status())
            && mayRetry(request, TransientFailure.GATEWAY_STATUS, attempt)) {
          var status = HttpStatusText.of(result.status());
          pause(request, attempt, result.header("Retry-After"), status);
          continue;
        }
        return result;
      } catch (HttpConnectTimeoutException | ConnectException e) {
        failure = "cannot connect to " + connection.baseUrl() + ": " + describe(e);
        traceFailure(request, started, requestId, attempt, failure);
        if (!mayRetry(request, TransientFailure.NOT_SENT, attempt)) {
          throw noResponse(request, requestId, ResponseClass.NOT_SENT, failure, e);
        }
      } catch (HttpTimeoutException e) {
        // Headers late or body late: the same limit was hit, so the same words.
        failure =
            "no complete response within "
                + Durations.format(connection.requestTimeout())
                + " (timeouts.request)";
        traceFailure(request, started, requestId, attempt, failure);
        if (!mayRetry(request, TransientFailure.NO_RESPONSE, attempt)) {
          throw noResponse(request, requestId, ResponseClass.TIMEOUT, failure, e);
        }
      } catch (SSLException e) {
        // A certificate problem does not go away by retrying.
        failure =
            "TLS handshake with " + connection.baseUrl() + " failed: " + TlsFailures.describe(e);
        traceFailure(request, started, requestId, attempt, failure);
        throw noResponse(request, requestId, ResponseClass.NOT_SENT, failure, e);
      } catch (IOException e) {
        failure = "connection closed before a complete response (" + describe(e) + ")";
        traceFailure(request, started, requestId, attempt, failure);
        if (!mayRetry(request, TransientFailure.NO_RESPONSE, attempt)) {
          throw noResponse(request, requestId, ResponseClass.TIMEOUT, failure, e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CatalogException("interrupted while waiting for the broker", e);
      }
      pause(request, attempt, Optional.empty(), failure);
    }
  }

  /**
   * One exchange, bounded end to end by {@code timeouts.request}: connecting and the headers by the
   * client's request timeout, the whole body by {@link BoundedBody}'s deadline.
   */
  private HttpResponse<byte[]> exchange(BrokerRequest request, String requestId, long started)
      throws IOException, InterruptedException {
    var deadline = started + connection.requestTimeout().toNanos();
    return client.send(
        build(request, requestId), info -> new BoundedBody(request.bodyLimit(), deadline));
  }

  private HttpRequest build(BrokerRequest request, String requestId) {
    var builder =
        HttpRequest.newBuilder(request.uri())
            .timeout(connection.requestTimeout())
            .header("X-Broker-API-Version", connection.apiVersion())
            .header("X-Broker-API-Request-Identity", requestId)
            .header("User-Agent", connection.userAgent())
            .header("Accept", "application/json");
    connection.auth().authorizationHeader().ifPresent(h -> builder.header("Authorization", h));
    // A CLI's every request is caused by its user, so the identity goes everywhere (checklist
    // section 5.9).
    connection
        .originatingIdentity()
        .ifPresent(id -> builder.header("X-Broker-API-Originating-Identity", id.headerValue()));
    var method = request.operation().method();
    if (request.body().isPresent()) {
      builder.header("Content-Type", "application/json");
      builder.method(method, BodyPublishers.ofString(Json.write(request.body().get())));
    } else {
      builder.method(method, BodyPublishers.noBody());
    }
    return builder.build();
  }

  private BrokerResponse read(BrokerRequest request, HttpResponse<byte[]> response, String id) {
    var bytes = response.body();
    boolean oversized = bytes.length > request.bodyLimit();
    var json = oversized ? Optional.<JsonNode>empty() : Json.parse(bytes);
    return new BrokerResponse(
        response.statusCode(),
        response.headers(),
        json.map(body -> scrubbed(request.operation(), response.statusCode(), body)),
        bytes.length == 0,
        oversized,
        id,
        brokerName);
  }

  /**
   * Takes every known secret out of what the broker wrote for people (error bodies, operation
   * descriptions, the catalog) before anything quotes it, and learns the credentials of a binding.
   * Bodies that carry values catalog sends back or delivers (a bind's credentials, an instance's
   * parameters, an {@code operation}) are left as they are: masking them would change them.
   */
  private JsonNode scrubbed(OsbOperation operation, int status, JsonNode body) {
    boolean success = status >= 200 && status < 300;
    if (success && (operation == OsbOperation.BIND || operation == OsbOperation.FETCH_BINDING)) {
      redactor.addLeaves(body.get("credentials"));
      return body;
    }
    if (!success
        || operation == OsbOperation.CATALOG
        || operation == OsbOperation.POLL_INSTANCE
        || operation == OsbOperation.POLL_BINDING) {
      return redactor.scrub(body);
    }
    return body;
  }

  private boolean mayRetry(BrokerRequest request, TransientFailure failure, int attempt) {
    return attempt < retry.maxAttempts() && RetrySafety.allows(request.operation(), failure);
  }

  private void pause(
      BrokerRequest request, int attempt, Optional<String> retryAfter, String reason) {
    var delay = retry.backoff().delay(attempt);
    var asked = retryAfter.flatMap(v -> RetryAfter.parse(v, clock));
    if (asked.isPresent() && asked.get().compareTo(delay) > 0) {
      delay = asked.get();
    }
    if (delay.compareTo(retry.maxDelay()) > 0) {
      delay = retry.maxDelay();
    }
    // Announced, so a broker that is down is not minutes of silence (issue 19).
    var verb = request.operation().verb();
    trace.retrying(verb, redactor.scrub(reason), delay, attempt + 1, retry.maxAttempts());
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CatalogException("interrupted while waiting to retry the broker", e);
    }
  }

  private void traceExchange(
      BrokerRequest request,
      int status,
      long started,
      String requestId,
      int attempt,
      Optional<String> failure,
      Optional<String> echoed) {
    trace.exchange(
        new HttpExchange(
            request.operation().method(),
            request.uri(),
            status,
            Duration.ofNanos(System.nanoTime() - started),
            requestId,
            attempt,
            failure,
            echoed));
  }

  private void traceFailure(
      BrokerRequest request, long started, String requestId, int attempt, String failure) {
    failure = redactor.scrub(failure);
    traceExchange(request, 0, started, requestId, attempt, Optional.of(failure), Optional.empty());
  }

  private BrokerException noResponse(
      BrokerRequest request, String requestId, ResponseClass cls, String failure, Throwable cause) {
    failure = redactor.scrub(failure);
    var b =
        BrokerException.builder(request.operation(), request.resourceId(), requestId)
            .responseClass(cls)
            .broker(brokerName);
    return BrokerException.noResponse(b, failure, cause);
  }

  private static String describe(Exception e) {
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    if (e instanceof HttpConnectTimeoutException) {
      return "connect timed out";
    }
    var message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

}
