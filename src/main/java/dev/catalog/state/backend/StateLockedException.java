package dev.catalog.state.backend;

import dev.catalog.CatalogException;

/** The state lock is held by someone else; the CLI exits 3. */
public class StateLockedException extends CatalogException {
  private final LockInfo holder;

  public StateLockedException(String message, LockInfo holder) {
    super(message);
    this.holder = holder;
  }

  /** The current holder. */
  public LockInfo holder() {
    return holder;
  }
}
