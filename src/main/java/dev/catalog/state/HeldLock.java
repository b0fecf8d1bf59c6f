package dev.catalog.state;

import dev.catalog.state.backend.LockInfo;
import dev.catalog.state.backend.StateBackend;
import java.util.Optional;

/**
 * A state lock this process holds; closing releases it, once. It installs no signal handler and no
 * shutdown hook: the CLI owns how the process ends and closes it among its last actions (issue 12).
 */
public final class HeldLock implements AutoCloseable {
  private final StateBackend backend;
  private final LockInfo info;
  private final Optional<String> takeover;
  private boolean released;

  HeldLock(StateBackend backend, LockInfo info, Optional<String> takeover) {
    this.backend = backend;
    this.info = info;
    this.takeover = takeover;
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

  /**
   * Releases the lock unless already released. Synchronized: a last action on a signal and the
   * command's own close may race, and the second waits for the first and finds it done.
   */
  @Override
  public synchronized void close() {
    if (released) {
      return;
    }
    backend.unlock(info.id());
    released = true;
  }
}
