package dev.catalog.apply;

import dev.catalog.CatalogException;

/** Turns what a runner threw into the message a failed step reports. */
final class Failures {
  private Failures() {}

  /**
   * A {@link CatalogException}'s message is written for the user and shown as it is; anything else
   * is a bug, shown with its type so it can be reported.
   */
  static String message(Step step, Throwable e) {
    if (e instanceof CatalogException) {
      return e.getMessage();
    }
    return step.address() + ": internal error: " + e;
  }
}
