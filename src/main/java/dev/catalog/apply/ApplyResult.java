package dev.catalog.apply;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a walk: every step's result in the order the steps were given.
 *
 * @param steps one result per step
 * @param interrupted whether the walk was cancelled before every step could start
 */
public record ApplyResult(List<StepResult> steps, boolean interrupted) {
  public ApplyResult {
    steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
  }

  /** Whether nothing failed and the walk was not interrupted (exit code 0). */
  public boolean succeeded() {
    return !interrupted && count(StepStatus.FAILED) == 0;
  }

  /** How many steps ended with {@code status}. */
  public int count(StepStatus status) {
    return (int) steps.stream().filter(r -> r.status() == status).count();
  }

  /** Resources created by succeeded steps (creates and replaces), as Terraform counts them. */
  public int added() {
    return succeeded(StepAction.CREATE) + succeeded(StepAction.REPLACE);
  }

  /** Resources updated in place by succeeded steps. */
  public int changed() {
    return succeeded(StepAction.UPDATE);
  }

  /** Resources destroyed by succeeded steps (deletes and replaces). */
  public int destroyed() {
    return succeeded(StepAction.DELETE) + succeeded(StepAction.REPLACE);
  }

  private int succeeded(StepAction action) {
    return (int)
        steps.stream()
            .filter(r -> r.status() == StepStatus.SUCCEEDED && r.step().action() == action)
            .count();
  }
}
