package dev.catalog.cli;

import dev.catalog.render.JsonPlanRenderer;
import dev.catalog.render.MarkdownPlanRenderer;
import dev.catalog.render.PlanRenderer;
import dev.catalog.render.Styles;
import dev.catalog.render.TextPlanRenderer;

/** The output formats of {@code plan} and {@code drift}. */
enum PlanFormat {
  TEXT,
  JSON,
  MARKDOWN;

  /**
   * The renderer of this format.
   *
   * @param maxBytes the Markdown comment's size limit ({@code --max-bytes})
   */
  PlanRenderer renderer(RunContext context, int maxBytes) {
    return switch (this) {
      case TEXT -> new TextPlanRenderer(Styles.of(context.colour()));
      case JSON -> JsonPlanRenderer.FORMAT;
      case MARKDOWN -> new MarkdownPlanRenderer(maxBytes);
    };
  }
}
