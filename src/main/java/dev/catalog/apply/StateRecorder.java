package dev.catalog.apply;

import dev.catalog.CatalogException;
import dev.catalog.state.Snapshot;
import dev.catalog.state.State;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

/**
 * The one writer of state during an apply (issue 6: intent before effect). Steps on many threads
 * hand it changes; a single writer thread applies them one after another to the latest state and
 * writes each with compare-and-swap, and {@link #record} returns only once the change is persisted,
 * so a step never sends its next request before state knows about the previous one.
 *
 * <p>Writes run on their own thread, not the caller's, so that an interrupt of a step's thread (a
 * second Ctrl-C) cannot abandon a write half-way. After a failed write the state is unknown and
 * every later {@link #record} fails too.
 */
public final class StateRecorder implements AutoCloseable {
  private final StateWriter writer;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          task -> {
            var t = new Thread(task, "catalog-state-writer");
            t.setDaemon(true);
            return t;
          });
  // Read and written by the writer thread only.
  private Snapshot current;
  private RuntimeException broken;

  public StateRecorder(Snapshot initial, StateWriter writer) {
    this.current = initial;
    this.writer = writer;
  }

  /**
   * Applies {@code change} to the latest state and persists it before returning.
   *
   * @return the state as written
   * @throws CatalogException when this or an earlier write failed
   */
  public Snapshot record(UnaryOperator<State> change) {
    Future<Snapshot> written = thread.submit(() -> writeNext(change));
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return written.get();
        } catch (InterruptedException e) {
          // Keep waiting: the caller must not go on believing a write happened that did not.
          interrupted = true;
        } catch (ExecutionException e) {
          throw failure(e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The state after the last write (or the initial one). */
  public Snapshot current() {
    try {
      return thread.submit(() -> current).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CatalogException("interrupted while reading the recorded state", e);
    } catch (ExecutionException e) {
      throw failure(e.getCause());
    }
  }

  private Snapshot writeNext(UnaryOperator<State> change) {
    if (broken != null) {
      throw new CatalogException(
          "state was not written because an earlier write failed: " + broken.getMessage(), broken);
    }
    // A change that throws has written nothing: the recorder stays usable.
    State next = change.apply(current.state());
    try {
      current = writer.write(current, next);
      return current;
    } catch (RuntimeException e) {
      broken = e;
      throw e;
    }
  }

  private static RuntimeException failure(Throwable cause) {
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    return new CatalogException("state write failed: " + cause, cause);
  }

  /** Lets queued writes finish, then stops the writer thread. */
  @Override
  public void close() {
    thread.shutdown();
  }
}
