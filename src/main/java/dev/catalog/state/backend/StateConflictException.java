package dev.catalog.state.backend;

import dev.catalog.CatalogException;

/** A compare-and-swap write lost a race: the stored version is not the one that was read. */
public class StateConflictException extends CatalogException {
  public StateConflictException(String message) {
    super(message);
  }
}
