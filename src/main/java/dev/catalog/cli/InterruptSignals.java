package dev.catalog.cli;

import dev.catalog.apply.CancellationToken;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM during an apply (issue 6). The first stops new operations through the
 * cancellation token and wakes steps waiting between polls; the walk then records what is in flight
 * and returns, so the command can persist, release the lock and exit 130.
 *
 * <p>A second signal exits 130 at once, after its last words: waiting (briefly) for the state write
 * under way, so no write is cut off, and releasing the lock. Requests still waiting for a broker's
 * answer are abandoned; state records each as about to be sent, and the next apply resumes it with
 * the same id.
 */
final class InterruptSignals implements AutoCloseable {
  /** How long a second signal waits for the state write under way and the unlock. */
  static final Duration LAST_WORDS_WAIT = Duration.ofSeconds(10);

  private static final String[] NAMES = {"INT", "TERM"};
  private final SignalHandler[] previous;

  private InterruptSignals(SignalHandler[] previous) {
    this.previous = previous;
  }

  /**
   * Installs the handlers until {@link #close()}.
   *
   * @param lastWords run by a second signal before the exit: finish the state write under way and
   *     release the lock
   */
  static InterruptSignals install(
      CancellationToken cancellation, Runnable lastWords, PrintWriter err) {
    var received = new AtomicInteger();
    var previous = new SignalHandler[NAMES.length];
    SignalHandler handler =
        signal -> {
          if (received.incrementAndGet() == 1) {
            err.println(
                "\nInterrupted: no new operations will start. Waiting for the running requests to"
                    + " be answered and recorded; operations in progress are left for the next"
                    + " apply. Interrupt again to exit at once.");
            err.flush();
            cancellation.cancel();
          } else {
            exitNow(lastWords);
          }
        };
    for (int i = 0; i < NAMES.length; i++) {
      try {
        previous[i] = Signal.handle(new Signal(NAMES[i]), handler);
      } catch (IllegalArgumentException e) {
        // The signal is reserved in this runtime (e.g. -Xrs): its default handling stays.
      }
    }
    return new InterruptSignals(previous);
  }

  /**
   * Installs handlers for the planning phase until {@link #close()}: nothing has been changed yet
   * (only GETs went out), so the first signal says so, releases the lock and exits 130 (issue 19:
   * Ctrl-C while planning ended the JVM without a word).
   *
   * @param release releases the state lock
   */
  static InterruptSignals duringPlanning(PrintWriter err, Runnable release) {
    var previous = new SignalHandler[NAMES.length];
    SignalHandler handler =
        signal -> {
          err.println(
              "\nInterrupted while planning: nothing was changed at any broker or in state.");
          err.flush();
          exitNow(release);
        };
    for (int i = 0; i < NAMES.length; i++) {
      try {
        previous[i] = Signal.handle(new Signal(NAMES[i]), handler);
      } catch (IllegalArgumentException e) {
        // The signal is reserved in this runtime (e.g. -Xrs): its default handling stays.
      }
    }
    return new InterruptSignals(previous);
  }

  private static void exitNow(Runnable lastWords) {
    try {
      CompletableFuture.runAsync(lastWords).get(LAST_WORDS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      // A write that cannot finish now left its intent in state; the next apply resumes from it.
    }
    // halt, not exit: at once. The lock is released above; no shutdown hook has work left.
    Runtime.getRuntime().halt(ApplyRun.INTERRUPTED);
  }

  /** Puts back the handlers that were there before. */
  @Override
  public void close() {
    for (int i = 0; i < NAMES.length; i++) {
      if (previous[i] != null) {
        try {
          Signal.handle(new Signal(NAMES[i]), previous[i]);
        } catch (IllegalArgumentException e) {
          // nothing to restore
        }
      }
    }
  }
}
