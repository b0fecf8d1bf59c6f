package dev.catalog.state;

import dev.catalog.CatalogException;

/** A stored state document cannot be read: corrupted, truncated, or of an unknown version. */
public class StateFormatException extends CatalogException {
  public StateFormatException(String message) {
    super(message);
  }
}
