package dev.catalog.testbroker;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Faults the reference broker injects into its next requests to {@code /v2/...}: a status returned
 * before the work is done (nothing changes) or after it (the change happened, the platform cannot
 * know), or a delay before answering.
 */
public final class FaultInjector {
  /** When an injected status replaces the real response. */
  public enum Timing {
    BEFORE_WORK,
    AFTER_WORK
  }

  /** One queued fault; {@code method} null matches any method. */
  record Fault(String method, int status, Timing timing, Duration delay) {}

  private final ConcurrentLinkedQueue<Fault> queue = new ConcurrentLinkedQueue<>();
  private final CountDownLatch closed = new CountDownLatch(1);

  /**
   * The next {@code count} requests (of {@code method}, or any if null) fail with {@code status}.
   */
  public void failNext(int count, String method, int status, Timing timing) {
    for (int i = 0; i < count; i++) {
      queue.add(new Fault(method, status, timing, Duration.ZERO));
    }
  }

  /** The next request is answered normally, but only after {@code delay}. */
  public void delayNext(Duration delay) {
    queue.add(new Fault(null, 0, Timing.BEFORE_WORK, delay));
  }

  /** The next request of {@code method} is answered normally, but only after {@code delay}. */
  public void delayNext(String method, Duration delay) {
    queue.add(new Fault(method, 0, Timing.BEFORE_WORK, delay));
  }

  /**
   * Waits out an injected delay; returns false when the broker is shutting down, so a delayed
   * request does not reach a stopped application.
   */
  boolean delay(Duration delay) {
    try {
      return !closed.await(delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Ends pending delays; called when the broker stops. */
  void close() {
    closed.countDown();
  }

  /** Hears each OSB request the broker serves, numbered from 1, before and after its work. */
  public interface RequestHook {
    void beforeWork(int number, String method, String path);

    void afterWork(int number, String method, String path);
  }

  private final java.util.concurrent.atomic.AtomicInteger requests =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile RequestHook hook;

  /** Sets the hook (null for none) and numbers requests from 1 again. */
  public void hook(RequestHook newHook) {
    requests.set(0);
    hook = newHook;
  }

  int before(String method, String path) {
    int number = requests.incrementAndGet();
    var h = hook;
    if (h != null) {
      h.beforeWork(number, method, path);
    }
    return number;
  }

  void after(int number, String method, String path) {
    var h = hook;
    if (h != null) {
      h.afterWork(number, method, path);
    }
  }

  public void clear() {
    queue.clear();
  }

  /** Takes the next fault matching this method, if any. */
  synchronized Optional<Fault> take(String method) {
    var head = queue.peek();
    if (head != null && (head.method() == null || head.method().equalsIgnoreCase(method))) {
      return Optional.ofNullable(queue.poll());
    }
    return Optional.empty();
  }
}
