package dev.catalog.state.backend;

import dev.catalog.CatalogException;

/**
 * The backend can be read but refused to take the lock for lack of write access (a read-only token,
 * a deploy key without push). A plan goes on without the lock (docs/state.md); anything that writes
 * fails with this message.
 */
public class StateReadOnlyException extends CatalogException {
  public StateReadOnlyException(String message, Throwable cause) {
    super(message, cause);
  }
}
