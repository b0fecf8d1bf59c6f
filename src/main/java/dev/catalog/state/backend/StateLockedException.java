package dev.catalog.state.backend;

import dev.catalog.CatalogException;

/** The state lock is held by someone else; the CLI exits 3. */
public class StateLockedException extends CatalogException {
  private final LockInfo holder;
  private final boolean renewed;

  public StateLockedException(String message, LockInfo holder) {
    this(message, holder, false);
  }

  /**
   * @param renewed whether the backend saw the holder renew the lock recently (a Lease), so its
   *     message already says to wait with --lock-timeout before removing it by hand
   */
  public StateLockedException(String message, LockInfo holder, boolean renewed) {
    super(message);
    this.holder = holder;
    this.renewed = renewed;
  }

  /** Whether the holder was seen renewing the lock: it is most likely alive. */
  public boolean renewed() {
    return renewed;
  }

  /** The current holder. */
  public LockInfo holder() {
    return holder;
  }
}
