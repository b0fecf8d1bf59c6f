package dev.catalog.state;

import dev.catalog.state.backend.LockInfo;
import dev.catalog.state.backend.StateBackend;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * A state lock this process holds. Closing releases it; SIGINT and SIGTERM release it too (kill
 * -9 does not: see {@code catalog force-unlock}).
 *
 * <p>The release on a signal runs in a signal handler <em>before</em> the JVM starts shutting
 * down, and only then hands the signal on. A shutdown hook alone is not enough: JGit's own
 * shutdown cleanup deletes the lock files a ref update needs, concurrently with our hook, so a
 * Git lock released from a shutdown hook is sometimes left behind. The shutdown hook stays as the
 * fallback for {@code System.exit} paths.
 */
public final class HeldLock implements AutoCloseable {
  private static final String[] SIGNALS = {"INT", "TERM"};

  private final StateBackend backend;
  private final LockInfo info;
  private final Optional<String> takeover;
  private final Thread hook;
  private final Map<Signal, SignalHandler> previousHandlers = new LinkedHashMap<>();
  private boolean released;

  HeldLock(StateBackend backend, LockInfo info, Optional<String> takeover) {
    this.backend = backend;
    this.info = info;
    this.takeover = takeover;
    this.hook = new Thread(this::releaseQuietly, "catalog-unlock-" + info.id());
    Runtime.getRuntime().addShutdownHook(hook);
    for (var name : SIGNALS) {
      installSignalHandler(new Signal(name));
    }
  }

  /** The lock as recorded at the backend. */
  public LockInfo info() {
    return info;
  }

  /**
   * When this lock was taken over from a holder that stopped renewing it: a sentence naming that
   * holder and what it left in flight, for the command to print as a warning.
   */
  public Optional<String> takeover() {
    return takeover;
  }

  @Override
  public synchronized void close() {
    if (released) {
      return;
    }
    // Unlock before removing the hook: a SIGTERM arriving meanwhile runs the hook, which waits
    // for this monitor, so the JVM cannot exit half-way through the unlock.
    backend.unlock(info.id());
    released = true;
    restoreSignalHandlers();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running; it finds the lock released.
    }
  }

  private void installSignalHandler(Signal signal) {
    try {
      var previous = Signal.handle(signal, sig -> onSignal(sig));
      previousHandlers.put(signal, previous);
    } catch (IllegalArgumentException unavailable) {
      // The signal is reserved here (e.g. -Xrs); the shutdown hook still covers it.
    }
  }

  private void onSignal(Signal signal) {
    releaseQuietly();
    var previous = previousHandlers.get(signal);
    if (previous != null && previous != SignalHandler.SIG_DFL && previous != SignalHandler.SIG_IGN) {
      previous.handle(signal);
    } else if (previous != SignalHandler.SIG_IGN) {
      System.exit(128 + signal.getNumber());
    }
  }

  private void restoreSignalHandlers() {
    previousHandlers.forEach(
        (signal, previous) -> {
          try {
            Signal.handle(signal, previous);
          } catch (IllegalArgumentException ignored) {
            // Could not be installed either.
          }
        });
  }

  private synchronized void releaseQuietly() {
    if (released) {
      return;
    }
    released = true;
    try {
      backend.unlock(info.id());
    } catch (RuntimeException e) {
      System.err.println(
          "Warning: could not release state lock "
              + info.id()
              + ": "
              + e.getMessage()
              + "\nRelease it with: catalog force-unlock "
              + info.id());
    }
  }
}
