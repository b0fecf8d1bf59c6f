package dev.catalog.osb;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * Collects a response body of at most {@code limit + 1} bytes by a deadline, then stops reading:
 * one byte more than the limit is enough to know the body is too large, and a broker sending
 * gigabytes costs no more than that. {@code java.net.http}'s request timeout covers the headers
 * only (issue 19: a body trickling in a byte a second held a plan until the CI job was killed), so
 * the body's own deadline is here: past it the body fails with {@link HttpTimeoutException} and
 * the connection is given up.
 *
 * <p>The deadline is a {@link CompletableFuture#orTimeout} timer on the JDK's one shared delay
 * thread, cancelled when the body completes. It lets {@link BrokerHttp} use the blocking {@code
 * HttpClient.send}: {@code sendAsync} hands every response to {@code CompletableFuture}'s default
 * executor, which on a machine of two cores or fewer starts a new thread per task (10,000 threads
 * for a refresh of 10,000 instances; docs/performance.md).
 */
final class BoundedBody implements BodySubscriber<byte[]> {
  private final int limit;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private volatile Flow.Subscription subscription;

  /**
   * @param limit the largest body read whole
   * @param deadline {@link System#nanoTime()} by which the whole body must have arrived
   */
  BoundedBody(int limit, long deadline) {
    this.limit = limit;
    var timer = new CompletableFuture<Void>();
    timer.orTimeout(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    timer.whenComplete((done, late) -> {
      if (late != null && result.completeExceptionally(new HttpTimeoutException("body late"))) {
        var s = subscription;
        if (s != null) {
          s.cancel();
        }
      }
    });
    result.whenComplete((body, error) -> timer.complete(null));
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (result.isDone()) {
      s.cancel();
    } else {
      s.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (var item : items) {
      int room = limit + 1 - bytes.size();
      int n = Math.min(room, item.remaining());
      var chunk = new byte[n];
      item.get(chunk);
      bytes.write(chunk, 0, n);
    }
    if (bytes.size() > limit) {
      subscription.cancel();
      result.complete(bytes.toByteArray());
    } else {
      subscription.request(1);
    }
  }

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    result.complete(bytes.toByteArray());
  }
}
