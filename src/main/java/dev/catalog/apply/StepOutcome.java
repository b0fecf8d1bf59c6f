package dev.catalog.apply;

/** How a step that did not fail ended. */
public enum StepOutcome {
  /** The operation finished and its result is recorded. */
  COMPLETED,
  /**
   * The operation was accepted and recorded as in flight, but not waited for ({@code --no-wait}, or
   * an interrupt while polling); the next {@code apply} or {@code refresh} resumes it.
   */
  IN_PROGRESS
}
