package dev.catalog.state;

import dev.catalog.state.backend.LockInfo;
import dev.catalog.state.backend.StateBackend;

/**
 * A state lock this process holds. Closing releases it; a JVM shutdown hook releases it too, so
 * SIGINT and SIGTERM do not leave it behind (kill -9 does: see {@code catalog force-unlock}).
 */
public final class HeldLock implements AutoCloseable {
  private final StateBackend backend;
  private final LockInfo info;
  private final Thread hook;
  private boolean released;

  HeldLock(StateBackend backend, LockInfo info) {
    this.backend = backend;
    this.info = info;
    this.hook = new Thread(this::releaseQuietly, "catalog-unlock-" + info.id());
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** The lock as recorded at the backend. */
  public LockInfo info() {
    return info;
  }

  @Override
  public synchronized void close() {
    if (released) {
      return;
    }
    released = true;
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to; unlocking twice is a no-op.
    }
    backend.unlock(info.id());
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
          "Warning: could not release state lock " + info.id() + ": " + e.getMessage()
              + "\nRelease it with: catalog force-unlock " + info.id());
    }
  }
}
