package dev.catalog;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * fabric8's HTTP client with a deadline on each whole exchange. Its own request timeout restarts
 * with every byte received, and it retries on top of that, so a cluster (or proxy) sending a byte a
 * second would hold catalog forever. fabric8's calls wait for {@link #sendAsync} with the whole
 * body read, so failing that future at the deadline bounds connect, headers, body and retries.
 * Streams ({@link #consumeBytes}, web sockets) are for watches, which catalog does not open.
 */
final class BoundedKubeHttpClient implements HttpClient {
  private final HttpClient delegate;
  private final RemoteLimits limits;
  private final ScheduledExecutorService timer;
  private final boolean ownsTimer;

  BoundedKubeHttpClient(
      HttpClient delegate, RemoteLimits limits, ScheduledExecutorService timer, boolean ownsTimer) {
    this.delegate = delegate;
    this.limits = limits;
    this.timer = timer;
    this.ownsTimer = ownsTimer;
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, Class<T> type) {
    var sent = delegate.sendAsync(request, type);
    var bounded = new CompletableFuture<HttpResponse<T>>();
    var alarm =
        timer.schedule(
            () -> {
              if (bounded.completeExceptionally(timeout(request))) {
                sent.cancel(true);
              }
            },
            limits.request().toMillis(),
            MILLISECONDS);
    sent.whenComplete(
        (response, error) -> {
          alarm.cancel(false);
          if (error != null) {
            bounded.completeExceptionally(error);
          } else {
            bounded.complete(response);
          }
        });
    bounded.whenComplete((response, error) -> sent.cancel(true));
    return bounded;
  }

  private KubeTimeoutException timeout(HttpRequest request) {
    var uri = request.uri();
    var origin = uri.getScheme() + "://" + uri.getAuthority();
    return new KubeTimeoutException(
        "the cluster at "
            + origin
            + " sent no complete answer to "
            + request.method()
            + " "
            + uri.getRawPath()
            + " "
            + limits.requestExceeded());
  }

  @Override
  public CompletableFuture<HttpResponse<AsyncBody>> consumeBytes(
      HttpRequest request, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
    return delegate.consumeBytes(request, consumer);
  }

  @Override
  public DerivedClientBuilder newBuilder() {
    var derived = delegate.newBuilder();
    return new DerivedClientBuilder() {
      @Override
      public HttpClient build() {
        return new BoundedKubeHttpClient(derived.build(), limits, timer, false);
      }

      @Override
      public DerivedClientBuilder addOrReplaceInterceptor(String name, Interceptor interceptor) {
        derived.addOrReplaceInterceptor(name, interceptor);
        return this;
      }

      @Override
      public DerivedClientBuilder authenticatorNone() {
        derived.authenticatorNone();
        return this;
      }

      @Override
      public DerivedClientBuilder tag(Object value) {
        derived.tag(value);
        return this;
      }
    };
  }

  @Override
  public WebSocket.Builder newWebSocketBuilder() {
    return delegate.newWebSocketBuilder();
  }

  @Override
  public HttpRequest.Builder newHttpRequestBuilder() {
    return delegate.newHttpRequestBuilder();
  }

  @Override
  public boolean isClosed() {
    return delegate.isClosed();
  }

  @Override
  public void close() {
    delegate.close();
    if (ownsTimer) {
      timer.shutdownNow();
    }
  }
}
