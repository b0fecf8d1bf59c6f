package dev.catalog.apply;

/** Which way dependencies point during a walk. */
public enum Direction {
  /** A step starts after the steps it depends on: creates and updates. */
  FORWARD,
  /**
   * A step starts after the steps that depend on it: deletes, so a binding is removed before its
   * instance (PRODUCT.md section 5).
   */
  REVERSED
}
