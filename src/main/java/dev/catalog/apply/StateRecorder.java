package dev.catalog.apply;

import dev.catalog.CatalogException;
import dev.catalog.state.Snapshot;
import dev.catalog.state.State;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * The one writer of state during an apply (issue 6: intent before effect). Steps on many threads
 * hand it changes; a single writer thread applies them in arrival order to the latest state and
 * writes with compare-and-swap, and {@link #record} returns only once the change is persisted, so
 * a step never sends its next request before state knows about the previous one.
 *
 * <p>Group commit (issue 7): while one write is in progress, further changes queue; the next write
 * persists every queued change at once, and each caller is released only when the write holding
 * its change is durable. With 50 steps in flight a write no longer waits behind 49 others, each of
 * the whole state. A failed write fails every caller whose change it held.
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
  private final List<Pending> queued = new ArrayList<>(); // guarded by itself
  // Written by the writer thread only; volatile so current() never waits behind a write.
  private volatile Snapshot current;
  private RuntimeException broken; // writer thread only

  /** A change waiting for the write that will hold it. */
  private record Pending(UnaryOperator<State> change, CompletableFuture<Snapshot> written) {}

  public StateRecorder(Snapshot initial, StateWriter writer) {
    this.current = initial;
    this.writer = writer;
  }

  /**
   * Applies {@code change} to the latest state and persists it before returning.
   *
   * @return the state as written (it may hold other callers' changes written in the same batch)
   * @throws CatalogException when this or an earlier write failed
   */
  public Snapshot record(UnaryOperator<State> change) {
    var pending = new Pending(change, new CompletableFuture<>());
    synchronized (queued) {
      queued.add(pending);
    }
    // One drain per change; a drain that finds the queue already taken by an earlier one is a no-op.
    thread.execute(this::writeQueued);
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return pending.written().get();
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
    return current;
  }

  /** How many changes wait for a write; for tests that need a batch to form. */
  int waiting() {
    synchronized (queued) {
      return queued.size();
    }
  }

  private void writeQueued() {
    List<Pending> batch;
    synchronized (queued) {
      batch = List.copyOf(queued);
      queued.clear();
    }
    if (batch.isEmpty()) {
      return;
    }
    if (broken != null) {
      var refused =
          new CatalogException(
              "state was not written because an earlier write failed: " + broken.getMessage(),
              broken);
      batch.forEach(p -> p.written().completeExceptionally(refused));
      return;
    }
    var base = current;
    State next = base.state();
    var held = new ArrayList<Pending>(batch.size());
    for (var pending : batch) {
      try {
        next = pending.change().apply(next);
        held.add(pending);
      } catch (RuntimeException e) {
        // A change that throws has written nothing: the others in the batch still are.
        pending.written().completeExceptionally(e);
      }
    }
    if (held.isEmpty()) {
      return;
    }
    try {
      var written = writer.write(base, next);
      current = written;
      held.forEach(p -> p.written().complete(written));
    } catch (RuntimeException e) {
      broken = e;
      held.forEach(p -> p.written().completeExceptionally(e));
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
