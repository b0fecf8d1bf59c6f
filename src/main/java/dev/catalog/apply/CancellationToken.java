package dev.catalog.apply;

import dev.catalog.Sleeper;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Set once on SIGINT or SIGTERM: the walk starts no new step, lets running ones record their state,
 * and reports the rest as not started. Safe to set from a signal handler thread.
 *
 * <p>A step waiting between polls is woken at once (issue 6: an interrupt must not wait out a
 * 30-second poll interval); a step waiting for a broker's answer is not, so every request sent is
 * answered and recorded.
 */
public final class CancellationToken {
  private final Object lock = new Object();
  // Guarded by lock: threads inside wait(), interrupted by cancel().
  private final Set<Thread> waiting = new HashSet<>();
  private volatile boolean cancelled;

  /** Asks the walk to stop starting steps and wakes steps waiting between polls. */
  public void cancel() {
    synchronized (lock) {
      cancelled = true;
      waiting.forEach(Thread::interrupt);
    }
  }

  /** Whether {@link #cancel()} was called. */
  public boolean isCancelled() {
    return cancelled;
  }

  /**
   * Waits {@code duration} with {@code sleeper}, returning early when cancelled. The interrupt used
   * to wake the thread is delivered and cleared under one lock, so it never leaks into the request
   * the thread sends next.
   *
   * @throws InterruptedException when the thread was interrupted for another reason
   */
  void sleep(Duration duration, Sleeper sleeper) throws InterruptedException {
    var self = Thread.currentThread();
    synchronized (lock) {
      if (cancelled) {
        return;
      }
      waiting.add(self);
    }
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      if (!cancelled) {
        throw e;
      }
    } finally {
      synchronized (lock) {
        waiting.remove(self);
        if (cancelled) {
          Thread.interrupted(); // the wake-up from cancel(), if it came after the sleep ended
        }
      }
    }
  }
}
