package dev.catalog.cli;

/** The output formats of {@code plan} and {@code drift}. */
enum PlanFormat {
  TEXT,
  JSON,
  MARKDOWN
}
