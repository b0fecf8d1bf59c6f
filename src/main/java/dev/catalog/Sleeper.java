package dev.catalog;

import java.time.Duration;

/** Waits between polls and retries; injected so tests never really wait. */
@FunctionalInterface
public interface Sleeper {
  /** Sleeps on the current thread. */
  Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
