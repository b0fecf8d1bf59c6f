package dev.catalog.render;

/** Writes a plan, or the drift a plan found, in one output format (text, JSON, Markdown). */
public interface PlanRenderer {
  /** The whole plan. */
  String render(PlanView plan);

  /** Only the drift, for {@code catalog drift}. */
  String renderDrift(PlanView plan);
}
