package dev.catalog.render;

import dev.catalog.apply.ApplyResult;
import dev.catalog.apply.StepStatus;

/**
 * The last line of an apply. When everything succeeded it is worded exactly as Terraform's, so
 * tooling that parses Terraform output parses it; otherwise it starts {@code Apply failed!} or
 * {@code Apply interrupted!} and keeps the same resource counts, followed by what did not succeed.
 */
public final class ApplySummary {
  private ApplySummary() {}

  /** E.g. {@code Apply complete! Resources: 2 added, 1 changed, 0 destroyed.} */
  public static String line(ApplyResult result) {
    return line(result, false);
  }

  /**
   * As {@link #line(ApplyResult)}; a destroy is worded as Terraform words it: {@code Destroy
   * complete! Resources: 3 destroyed.} (issue 17).
   */
  public static String line(ApplyResult result, boolean destroy) {
    String verb = destroy ? "Destroy" : "Apply";
    String head =
        result.interrupted()
            ? verb + " interrupted!"
            : result.count(StepStatus.FAILED) > 0 ? verb + " failed!" : verb + " complete!";
    if (destroy) {
      return head + " Resources: " + result.destroyed() + " destroyed" + rest(result) + ".";
    }
    String resources =
        " Resources: "
            + result.added()
            + " added, "
            + result.changed()
            + " changed, "
            + result.destroyed()
            + " destroyed";
    return head + resources + rest(result) + ".";
  }

  private static String rest(ApplyResult result) {
    int failed = result.count(StepStatus.FAILED);
    int skipped = result.count(StepStatus.SKIPPED);
    int inProgress = result.count(StepStatus.IN_PROGRESS);
    if (failed == 0 && skipped == 0 && inProgress == 0) {
      return "";
    }
    var text = new StringBuilder("; ").append(failed).append(" failed, ");
    text.append(skipped).append(" skipped");
    if (inProgress > 0) {
      text.append(", ").append(inProgress).append(" still in progress");
    }
    return text.toString();
  }
}
