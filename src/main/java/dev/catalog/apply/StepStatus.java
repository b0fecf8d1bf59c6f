package dev.catalog.apply;

/** How a step ended in a walk. */
public enum StepStatus {
  SUCCEEDED,
  FAILED,
  SKIPPED,
  /** Accepted by the broker and recorded, but not finished when the walk ended. */
  IN_PROGRESS
}
