package dev.catalog.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The one owner of how this process ends (issue 12): SIGINT and SIGTERM, the shutdown hook and the
 * exit, and the ordered list of last actions they run (flush the state recorder, release the state
 * lock). Lower layers hand their clean-up here instead of installing handlers of their own.
 *
 * <p>Last actions run newest first, as try-with-resources closes: the recorder registered inside
 * the lock is flushed before the lock is released. An action is removed when its registration is
 * closed, i.e. when the command has done it itself.
 *
 * <p>A signal runs the last actions <em>before</em> the JVM starts shutting down, and then exits
 * 128 + the signal's number. A shutdown hook alone is not enough: JGit's own shutdown cleanup
 * deletes the lock files a ref update needs, concurrently with our hook, so a Git lock released
 * from a shutdown hook is sometimes left behind. The shutdown hook stays as the fallback for
 * {@code System.exit} paths.
 *
 * <p>While an apply walks ({@link #onFirstSignal}), the first signal only asks it to stop; the walk
 * records what is in flight and returns, so the command persists, releases the lock and exits
 * 130. A second signal exits 130 at once, after the last actions, waiting for them at most {@link
 * #LAST_WORDS_WAIT}: requests still waiting for a broker's answer are abandoned; state records each
 * as about to be sent, and the next apply resumes it with the same id.
 *
 * <p>Handlers and hook are installed with the first registration, not at start-up (a command that
 * never locks pays nothing), and put back by {@link #close()}.
 */
public final class LastActions implements AutoCloseable {
  /** How long a second signal during an apply waits for the last actions. */
  static final Duration LAST_WORDS_WAIT = Duration.ofSeconds(10);

  /** What a signal while planning says before the exit. */
  static final String PLANNING_INTERRUPTED =
      "\nInterrupted while planning: nothing was changed at any broker or in state.";

  private static final String[] SIGNALS = {"INT", "TERM"};

  private final PrintWriter err;
  private final List<Runnable> actions = new ArrayList<>();
  private final AtomicInteger signalsDuringWalk = new AtomicInteger();
  private final SignalHandler[] previous = new SignalHandler[SIGNALS.length];
  private Runnable firstSignal;
  private Thread hook;

  /** @param err where a failed last action is reported */
  public LastActions(PrintWriter err) {
    this.err = err;
  }

  /** A registration to close once the command has done the action itself. */
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /** Adds {@code action} to run before the process ends, until the registration is closed. */
  public synchronized Registration add(Runnable action) {
    installOnce();
    actions.add(action);
    return () -> remove(action);
  }

  /**
   * Makes the first signal run {@code stop} instead of ending the process, until the registration
   * is closed; a second signal then ends it with {@link ExitCode#INTERRUPTED}.
   */
  synchronized Registration onFirstSignal(Runnable stop) {
    installOnce();
    firstSignal = stop;
    signalsDuringWalk.set(0);
    return () -> {
      synchronized (this) {
        firstSignal = null;
      }
    };
  }

  /**
   * Makes a signal end the process at once, after {@code notice} and the last actions, until the
   * registration is closed: while planning nothing has been changed yet (only GETs went out), so
   * the first signal says so, releases the lock and exits 130 (issue 19).
   */
  Registration exitOnSignal(String notice) {
    return onFirstSignal(
        () -> {
          err.println(notice);
          err.flush();
          exitInterrupted();
        });
  }

  /** Runs the remaining last actions, newest first, each once. */
  void runAll() {
    while (true) {
      Runnable next;
      synchronized (this) {
        if (actions.isEmpty()) {
          return;
        }
        next = actions.remove(actions.size() - 1);
      }
      try {
        next.run();
      } catch (RuntimeException e) {
        err.println("Warning: " + e.getMessage());
        err.flush();
      }
    }
  }

  /** Puts back the signal handlers that were there before and removes the shutdown hook. */
  @Override
  public synchronized void close() {
    if (hook == null) {
      return;
    }
    for (int i = 0; i < SIGNALS.length; i++) {
      if (previous[i] != null) {
        try {
          Signal.handle(new Signal(SIGNALS[i]), previous[i]);
        } catch (IllegalArgumentException e) {
          // nothing to restore
        }
        previous[i] = null;
      }
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running; it finds what is left to do.
    }
    hook = null;
  }

  private synchronized void remove(Runnable action) {
    actions.remove(action);
  }

  private void installOnce() {
    if (hook != null) {
      return;
    }
    hook = new Thread(this::runAll, "catalog-last-actions");
    Runtime.getRuntime().addShutdownHook(hook);
    for (int i = 0; i < SIGNALS.length; i++) {
      try {
        previous[i] = Signal.handle(new Signal(SIGNALS[i]), this::onSignal);
      } catch (IllegalArgumentException reserved) {
        // The signal is reserved in this runtime (e.g. -Xrs): the shutdown hook still covers it.
      }
    }
  }

  private void onSignal(Signal signal) {
    Runnable stop;
    synchronized (this) {
      stop = firstSignal;
    }
    if (stop == null) {
      runAll();
      System.exit(128 + signal.getNumber());
    } else if (signalsDuringWalk.incrementAndGet() == 1) {
      stop.run();
    } else {
      exitInterrupted();
    }
  }

  private void exitInterrupted() {
    try {
      CompletableFuture.runAsync(this::runAll)
          .get(LAST_WORDS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      // A write that cannot finish now left its intent in state; the next apply resumes from it.
    }
    // halt, not exit: at once. The last actions ran above; no shutdown hook has work left.
    Runtime.getRuntime().halt(ExitCode.INTERRUPTED);
  }
}
