package dev.catalog.plan;

import dev.catalog.CatalogException;

/** A saved plan no longer matches the state it was made against: it must be made again. */
public final class StalePlanException extends CatalogException {
  public StalePlanException(String message) {
    super(message);
  }
}
