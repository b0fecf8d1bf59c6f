package dev.catalog.osb;

/** The value of a completed request whose response carries nothing of use (a 200 DELETE). */
public enum NoContent {
  INSTANCE
}
