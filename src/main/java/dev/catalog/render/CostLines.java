package dev.catalog.render;

import java.util.ArrayList;
import java.util.List;

/** The cost change of a plan as lines, shared by the text and Markdown plans. */
final class CostLines {
  static final String HEADING = "Cost change (from the catalog plans' metadata.costs):";

  private CostLines() {}

  /** {@code USD MONTHLY: +99.00} per currency and unit, then the instances left uncounted. */
  static List<String> of(PlanView.Costs costs) {
    var lines = new ArrayList<String>();
    for (var c : costs.changes()) {
      lines.add(c.currency() + " " + c.unit() + ": " + c.delta());
    }
    if (!costs.unknown().isEmpty()) {
      lines.add(
          "not counted (the plan they leave is not in the catalog read): "
              + String.join(", ", costs.unknown()));
    }
    return lines;
  }
}
