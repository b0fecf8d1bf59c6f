package dev.catalog.render;

import java.util.List;

/**
 * The plan as text, in the vocabulary Terraform users know: {@code +}, {@code ~}, {@code -/+},
 * {@code -}, per-field before and after, {@code # forces replacement}, drift before the changes and
 * the summary line existing tooling parses.
 */
public final class TextPlanRenderer implements PlanRenderer {
  /** The summary of a plan without resource changes. */
  public static final String NO_CHANGES = "No changes. Live state matches the configuration.";

  /** The summary of a plan without changes made with {@code --refresh=false}: nothing was read. */
  public static final String NO_CHANGES_NOT_REFRESHED =
      "No changes. The configuration matches the recorded state; live state was not read"
          + " (--refresh=false).";

  private final Styles styles;

  public TextPlanRenderer(Styles styles) {
    this.styles = styles;
  }

  /** The whole plan. */
  @Override
  public String render(PlanView plan) {
    var sb = new StringBuilder();
    notes(plan, sb);
    if (!plan.violations().isEmpty()) {
      sb.append(PolicyViews.HEADING).append('\n');
      plan.violations().forEach(v -> sb.append("  ").append(PolicyViews.line(v)).append('\n'));
      sb.append('\n');
    }
    if (!plan.lockDifferences().isEmpty()) {
      sb.append(LockLines.HEADING).append('\n');
      plan.lockDifferences().forEach(d -> sb.append("  ").append(LockLines.line(d)).append('\n'));
      sb.append(LockLines.HINT).append("\n\n");
    }
    drift(plan, sb);
    pending(plan, sb);
    stateChanges(plan, sb);
    var changing = plan.changes().stream().filter(c -> !c.action().equals("no-op")).toList();
    if (!changing.isEmpty()) {
      sb.append("catalog will perform the following actions:\n\n");
      changing.forEach(c -> change(c, sb));
    }
    if (!plan.costs().isEmpty()) {
      sb.append(CostLines.HEADING).append('\n');
      CostLines.of(plan.costs()).forEach(line -> sb.append("  ").append(line).append('\n'));
      sb.append('\n');
    }
    sb.append(styles.bold(summary(plan))).append('\n');
    return sb.toString();
  }

  /** Only the drift, for {@code catalog drift}. */
  @Override
  public String renderDrift(PlanView plan) {
    var sb = new StringBuilder();
    notes(plan, sb);
    drift(plan, sb);
    sb.append(styles.bold(driftSummary(plan))).append('\n');
    return sb.toString();
  }

  /**
   * {@code Plan: X to add, Y to change, Z to destroy.}, with {@code , N to finish} before the
   * period when an earlier apply left work (the prefix stays what Terraform tooling parses), or the
   * no-changes line, which says whether live state was read.
   */
  public static String summary(PlanView plan) {
    if (!plan.hasWork()) {
      return plan.refreshed() ? NO_CHANGES : NO_CHANGES_NOT_REFRESHED;
    }
    return "Plan: "
        + plan.toAdd()
        + " to add, "
        + plan.toChange()
        + " to change, "
        + plan.toDestroy()
        + " to destroy"
        + (plan.pending().isEmpty() ? "" : ", " + plan.pending().size() + " to finish")
        + (plan.stateChanges().isEmpty()
            ? ""
            : ", " + plan.stateChanges().size() + " to record in state only")
        + ".";
  }

  /** The closing line of {@code catalog drift}. */
  public static String driftSummary(PlanView plan) {
    var n = plan.drift().size();
    return n == 0
        ? "No drift. Live state matches the recorded state."
        : "Drift: "
            + n
            + (n == 1 ? " resource has" : " resources have")
            + " changed outside of catalog.";
  }

  private void notes(PlanView plan, StringBuilder sb) {
    if (plan.partial()) {
      sb.append("Warning: this plan is partial: --target limited it to ")
          .append(String.join(", ", plan.targets()))
          .append(" and their dependencies; other changes may be pending.\n\n");
    }
    for (var note : WarningGroups.of(plan.notes())) {
      sb.append("Warning: ").append(note).append('\n');
    }
    if (!plan.notes().isEmpty()) {
      sb.append('\n');
    }
  }

  private void drift(PlanView plan, StringBuilder sb) {
    var atBrokers = plan.drift().stream().filter(d -> !d.ofSink()).toList();
    var sinks = plan.drift().stream().filter(PlanView.DriftItem::ofSink).toList();
    if (!sinks.isEmpty()) {
      sb.append("Note: credentials sinks have changed outside of catalog\n\n");
      for (var d : sinks) {
        var field = d.fields().get(0);
        var where = field.beforeJson().map(j -> j.asText()).orElse("");
        var what = field.afterJson().map(j -> j.asText()).orElse("");
        sb.append("  # ").append(d.address()).append(": credentials ").append(where);
        sb.append(
            switch (d.kind()) {
              case "sink_missing" -> " has been deleted outside of catalog";
              case "sink_not_owned" -> " is no longer catalog's:\n    " + what;
              default -> " has changed outside of catalog: " + what;
            });
        sb.append('\n');
      }
      sb.append('\n');
    }
    if (atBrokers.isEmpty()) {
      return;
    }
    sb.append("Note: objects have changed outside of catalog\n\n");
    for (var d : atBrokers) {
      if (d.kind().equals("gone")) {
        sb.append("  # ").append(d.address()).append(" has been deleted outside of catalog\n");
        sb.append(styles.symbol("-", "  - " + d.address())).append("\n\n");
      } else {
        sb.append("  # ").append(d.address()).append(" has changed outside of catalog\n");
        sb.append(styles.symbol("~", "  ~ " + d.address())).append('\n');
        fields(d.fields(), "~", sb);
        sb.append('\n');
      }
    }
  }

  private void stateChanges(PlanView plan, StringBuilder sb) {
    if (plan.stateChanges().isEmpty()) {
      return;
    }
    sb.append("catalog will record in state, with no broker request:\n\n");
    for (var s : plan.stateChanges()) {
      sb.append(styles.symbol("~", "  ~ " + s.address()))
          .append(": ")
          .append(s.description())
          .append('\n');
    }
    sb.append('\n');
  }

  private void pending(PlanView plan, StringBuilder sb) {
    if (plan.pending().isEmpty()) {
      return;
    }
    sb.append("catalog will first finish what an earlier apply left:\n\n");
    for (var p : plan.pending()) {
      sb.append(styles.symbol("~", "  ~ " + p.address()))
          .append(": ")
          .append(p.description())
          .append('\n');
    }
    sb.append('\n');
  }

  private void change(PlanView.Change c, StringBuilder sb) {
    sb.append("  # ").append(c.address()).append(' ').append(verb(c.action()));
    if (!c.reasons().isEmpty()) {
      sb.append(" (")
          .append(
              String.join("; ", c.reasons().stream().map(PlanView.Reason::description).toList()))
          .append(')');
    }
    sb.append('\n');
    var symbol = c.symbol();
    var pad = symbol.length() == 3 ? "" : "  ";
    sb.append(styles.symbol(symbol, pad + symbol + " " + c.address()))
        .append(" (broker \"")
        .append(c.broker())
        .append("\")\n");
    fields(
        c.fields(),
        c.action().equals("create") ? "+" : c.action().equals("delete") ? "-" : "~",
        sb);
    sb.append('\n');
  }

  /** One line per field; a sensitive field takes the resource's symbol, having no values. */
  private void fields(List<PlanView.Field> fields, String sensitiveSymbol, StringBuilder sb) {
    for (var f : fields) {
      var symbol =
          f.sensitive()
              ? sensitiveSymbol
              : f.before().isEmpty() ? "+" : f.after().isEmpty() ? "-" : "~";
      var line =
          new StringBuilder("      ").append(symbol).append(' ').append(f.path()).append(" = ");
      if (f.sensitive()) {
        line.append("(sensitive)");
      } else if (f.before().isEmpty()) {
        line.append(f.after().get());
      } else if (f.after().isEmpty()) {
        line.append(f.before().get()).append(" -> null");
      } else {
        line.append(f.before().get()).append(" -> ").append(f.after().get());
      }
      if (f.forcesReplacement()) {
        line.append(" # forces replacement");
      }
      sb.append(styles.symbol(symbol, line.toString())).append('\n');
    }
  }

  private static String verb(String action) {
    return switch (action) {
      case "create" -> "will be created";
      case "update" -> "will be updated in place";
      case "replace" -> "must be replaced";
      case "delete" -> "will be destroyed";
      default -> "is unchanged";
    };
  }
}
