package dev.catalog.render;

import dev.catalog.plan.policy.PolicyViolation;
import java.util.List;

/** Policy violations as the plan view shows them. */
public final class PolicyViews {
  static final String HEADING = "Policy violations (apply refuses this plan):";

  private PolicyViews() {}

  public static List<PlanView.Violation> of(List<PolicyViolation> violations) {
    return violations.stream()
        .map(
            v ->
                new PlanView.Violation(
                    v.policy(),
                    v.address(),
                    v.message(),
                    v.resource().toString(),
                    v.rule().toString()))
        .toList();
  }

  static String line(PlanView.Violation v) {
    return v.address()
        + " ("
        + v.resource()
        + "): policy \""
        + v.policy()
        + "\" ("
        + v.rule()
        + "): "
        + v.message();
  }
}
