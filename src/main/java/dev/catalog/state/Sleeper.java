package dev.catalog.state;

import java.time.Duration;

/** Waits; injected so lock retries are tested without real sleeping. */
@FunctionalInterface
public interface Sleeper {
  /** The real one. */
  Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
