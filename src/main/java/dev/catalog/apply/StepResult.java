package dev.catalog.apply;

import java.util.Objects;

/**
 * How one step ended.
 *
 * @param step the step
 * @param status how it ended
 * @param detail the failure message or skip reason; empty otherwise
 */
public record StepResult(Step step, StepStatus status, String detail) {
  public StepResult {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
  }
}
