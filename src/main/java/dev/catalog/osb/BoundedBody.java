package dev.catalog.osb;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body of at most {@code limit + 1} bytes, then stops reading: one byte more
 * than the limit is enough to know the body is too large, and a broker sending gigabytes costs no
 * more than that. The caller bounds the time the whole body may take ({@link BrokerHttp}), which
 * {@code java.net.http}'s request timeout does not: it covers the headers only (issue 19: a body
 * trickling in a byte a second held a plan until the CI job was killed).
 */
final class BoundedBody implements BodySubscriber<byte[]> {
  private final int limit;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  BoundedBody(int limit) {
    this.limit = limit;
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
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
