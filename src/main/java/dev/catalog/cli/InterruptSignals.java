package dev.catalog.cli;

import dev.catalog.apply.CancellationToken;

/**
 * SIGINT and SIGTERM during an apply (issue 6): the first stops new operations through the
 * cancellation token, and the walk then records what is in flight and returns, so the command can
 * persist, release the lock and exit 130. A second SIGINT exits at once: every state write is
 * already persisted when its step goes on (the recorder writes before returning), so there is no
 * later write to wait for.
 */
final class InterruptSignals implements AutoCloseable {
  private final Object previousInt;
  private final Object previousTerm;

  private InterruptSignals(Object previousInt, Object previousTerm) {
    this.previousInt = previousInt;
    this.previousTerm = previousTerm;
  }

  static InterruptSignals install(CancellationToken cancellation) {
    try {
      var count = new java.util.concurrent.atomic.AtomicInteger();
      sun.misc.SignalHandler handler =
          signal -> {
            if (count.incrementAndGet() > 1 && signal.getName().equals("INT")) {
              Runtime.getRuntime().halt(ApplyRun.INTERRUPTED);
            }
            cancellation.cancel();
          };
      var previousInt = sun.misc.Signal.handle(new sun.misc.Signal("INT"), handler);
      var previousTerm = sun.misc.Signal.handle(new sun.misc.Signal("TERM"), handler);
      return new InterruptSignals(previousInt, previousTerm);
    } catch (IllegalArgumentException | LinkageError e) {
      // No signal support in this runtime (or a signal is reserved): the default handling stays.
      return new InterruptSignals(null, null);
    }
  }

  @Override
  public void close() {
    try {
      if (previousInt != null) {
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), (sun.misc.SignalHandler) previousInt);
      }
      if (previousTerm != null) {
        sun.misc.Signal.handle(new sun.misc.Signal("TERM"), (sun.misc.SignalHandler) previousTerm);
      }
    } catch (IllegalArgumentException | LinkageError e) {
      // nothing to restore
    }
  }
}
