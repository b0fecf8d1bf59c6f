package dev.catalog.render;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan as a pull-request comment: the summary line first, a warning when anything is destroyed
 * or replaced, a table of changes, then drift and the full diff in {@code <details>}. Over {@code
 * maxBytes} it degrades to one line per resource rather than failing.
 */
public final class MarkdownPlanRenderer implements PlanRenderer {
  /** The default size budget: below the 65536-character limit of a GitHub comment. */
  public static final int DEFAULT_MAX_BYTES = 60_000;

  private final int maxBytes;

  public MarkdownPlanRenderer(int maxBytes) {
    if (maxBytes < 1) {
      throw new dev.catalog.CatalogException("--max-bytes must be at least 1, not " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /** The comment for a plan. */
  @Override
  public String render(PlanView plan) {
    var head = head(plan, "**" + TextPlanRenderer.summary(plan) + "**");
    var full = new StringBuilder(head);
    table(plan, full);
    costs(plan, full);
    lockDifferences(plan, full);
    driftDetails(plan, full);
    if (plan.hasWork()) {
      full.append("<details><summary>Full plan</summary>\n\n```diff\n")
          .append(fence(new TextPlanRenderer(Styles.plain()).render(plan)))
          .append("```\n\n</details>\n");
    }
    return fits(full) ? full.toString() : compact(plan, head, full.length());
  }

  /** The comment for {@code catalog drift}: only drift. */
  @Override
  public String renderDrift(PlanView plan) {
    var head = head(plan, "**" + TextPlanRenderer.driftSummary(plan) + "**");
    var full = new StringBuilder(head);
    driftDetails(plan, full);
    return fits(full) ? full.toString() : compact(plan, head, full.length());
  }

  private static String head(PlanView plan, String summary) {
    var sb = new StringBuilder(summary).append("\n\n");
    if (plan.partial()) {
      sb.append("> [!NOTE]\n> Partial plan: `--target` limited it to ")
          .append(String.join(", ", plan.targets().stream().map(t -> "`" + t + "`").toList()))
          .append(" and their dependencies.\n\n");
    }
    if (plan.destroys()) {
      var destroyed =
          plan.changes().stream()
              .filter(c -> c.action().equals("delete") || c.action().equals("replace"))
              .map(c -> "`" + c.address() + "` (" + c.action() + ")")
              .toList();
      sb.append("> [!WARNING]\n> This plan destroys or replaces ")
          .append(destroyed.size())
          .append(destroyed.size() == 1 ? " resource: " : " resources: ")
          .append(String.join(", ", destroyed))
          .append(".\n\n");
    }
    if (!plan.violations().isEmpty()) {
      sb.append("> [!CAUTION]\n> ").append(PolicyViews.HEADING).append('\n');
      plan.violations()
          .forEach(v -> sb.append("> - ").append(escape(PolicyViews.line(v))).append('\n'));
      sb.append('\n');
    }
    if (!plan.notes().isEmpty()) {
      plan.notes().forEach(n -> sb.append("- :warning: ").append(escape(n)).append('\n'));
      sb.append('\n');
    }
    return sb.toString();
  }

  private static void table(PlanView plan, StringBuilder sb) {
    var changing = plan.changes().stream().filter(c -> !c.action().equals("no-op")).toList();
    if (changing.isEmpty() && plan.pending().isEmpty() && plan.stateChanges().isEmpty()) {
      return;
    }
    sb.append("| Action | Resource | Why |\n|---|---|---|\n");
    for (var s : plan.stateChanges()) {
      sb.append("| `~` state only | `")
          .append(s.address())
          .append("` | ")
          .append(escape(s.description()))
          .append(" |\n");
    }
    for (var p : plan.pending()) {
      sb.append("| `~` finish | `")
          .append(p.address())
          .append("` | ")
          .append(escape(p.description()))
          .append(" |\n");
    }
    for (var c : changing) {
      sb.append("| `")
          .append(c.symbol())
          .append("` ")
          .append(c.action())
          .append(" | `")
          .append(c.address())
          .append("` | ")
          .append(escape(reasons(c)))
          .append(" |\n");
    }
    sb.append('\n');
  }

  private static void lockDifferences(PlanView plan, StringBuilder sb) {
    if (plan.lockDifferences().isEmpty()) {
      return;
    }
    sb.append(LockLines.HEADING).append("\n\n");
    plan.lockDifferences()
        .forEach(d -> sb.append("- ").append(escape(LockLines.line(d))).append('\n'));
    sb.append('\n').append(LockLines.HINT).append("\n\n");
  }

  private static void costs(PlanView plan, StringBuilder sb) {
    if (plan.costs().isEmpty()) {
      return;
    }
    sb.append(CostLines.HEADING).append("\n\n");
    CostLines.of(plan.costs()).forEach(line -> sb.append("- ").append(escape(line)).append('\n'));
    sb.append('\n');
  }

  private static void driftDetails(PlanView plan, StringBuilder sb) {
    if (plan.drift().isEmpty()) {
      return;
    }
    var only =
        new PlanView(
            List.of(),
            plan.drift(),
            List.of(),
            List.of(),
            List.of(),
            plan.refreshed(),
            PlanView.Costs.NONE,
            List.of(),
            List.of());
    sb.append("<details><summary>Changed outside of catalog: ")
        .append(plan.drift().size())
        .append(plan.drift().size() == 1 ? " resource" : " resources")
        .append("</summary>\n\n```diff\n")
        .append(fence(new TextPlanRenderer(Styles.plain()).renderDrift(only)))
        .append("```\n\n</details>\n\n");
  }

  /** One line per resource; if even that is over budget, as many lines as fit. */
  private String compact(PlanView plan, String head, int fullBytes) {
    var lines = new ArrayList<String>();
    plan.drift().forEach(d -> lines.add("- drift: `" + d.address() + "` " + d.kind()));
    plan.pending()
        .forEach(p -> lines.add("- `~` finish `" + p.address() + "`: " + escape(p.description())));
    plan.stateChanges()
        .forEach(
            s -> lines.add("- `~` state only `" + s.address() + "`: " + escape(s.description())));
    plan.changes().stream()
        .filter(c -> !c.action().equals("no-op"))
        .forEach(
            c ->
                lines.add(
                    "- `"
                        + c.symbol()
                        + "` "
                        + c.action()
                        + " `"
                        + c.address()
                        + "`: "
                        + escape(reasons(c))));
    var note =
        "_The full plan ("
            + fullBytes
            + " bytes) is over the "
            + maxBytes
            + "-byte budget: one line per resource. Run `catalog plan` for the details._\n\n";
    var sb = new StringBuilder(head).append(note);
    for (int i = 0; i < lines.size(); i++) {
      var more = "- … and " + (lines.size() - i) + " more\n";
      if (bytes(sb) + bytes(lines.get(i) + "\n") + bytes(more) > maxBytes) {
        sb.append(more);
        break;
      }
      sb.append(lines.get(i)).append('\n');
    }
    return sb.toString();
  }

  private boolean fits(CharSequence text) {
    return bytes(text) <= maxBytes;
  }

  private static int bytes(CharSequence text) {
    return text.toString().getBytes(StandardCharsets.UTF_8).length;
  }

  private static String reasons(PlanView.Change c) {
    return String.join("; ", c.reasons().stream().map(PlanView.Reason::description).toList());
  }

  /** Table cells and list items: pipes would break the table. */
  private static String escape(String text) {
    return text.replace("|", "\\|");
  }

  /**
   * A diff block cannot contain its own fence; and GitHub and GitLab colour a line of a diff block
   * only by its first character, so each change marker moves to column 0 (the indentation after it
   * keeps the columns), and {@code ~} becomes {@code !}, the marker they colour as changed.
   */
  private static String fence(String text) {
    var out = new StringBuilder(text.length() + 64);
    for (var line : text.replace("```", "'''").split("\n", -1)) {
      out.append(diffLine(line)).append('\n');
    }
    out.setLength(out.length() - 1);
    return out.toString();
  }

  private static String diffLine(String line) {
    int indent = 0;
    while (indent < line.length() && line.charAt(indent) == ' ') {
      indent++;
    }
    if (indent == 0 || indent + 1 >= line.length() || line.charAt(indent + 1) != ' ') {
      return line;
    }
    char marker = line.charAt(indent);
    return switch (marker) {
      case '+', '-' -> marker + line.substring(0, indent) + line.substring(indent + 1);
      case '~' -> '!' + line.substring(0, indent) + line.substring(indent + 1);
      default -> line;
    };
  }
}
