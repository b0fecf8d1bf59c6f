package dev.catalog.apply;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Set once on SIGINT or SIGTERM: the walk starts no new step, lets running ones record their state,
 * and reports the rest as not started. Safe to set from a signal handler thread.
 */
public final class CancellationToken {
  private final AtomicBoolean cancelled = new AtomicBoolean();

  /** Asks the walk to stop starting steps; later calls do nothing. */
  public void cancel() {
    cancelled.set(true);
  }

  /** Whether {@link #cancel()} was called. */
  public boolean isCancelled() {
    return cancelled.get();
  }
}
