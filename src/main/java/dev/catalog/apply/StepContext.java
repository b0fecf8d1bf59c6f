package dev.catalog.apply;

/** What a running step may tell the walk, and ask of it. */
public interface StepContext {
  /** Reports a poll of the operation with the broker's {@code description}, if it gave one. */
  void polling(String description);

  /**
   * Whether the apply was interrupted: a runner that is polling should record the operation as in
   * flight and return {@link StepOutcome#IN_PROGRESS} instead of waiting for it.
   */
  boolean cancelled();
}
