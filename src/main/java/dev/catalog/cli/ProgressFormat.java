package dev.catalog.cli;

/** How {@code apply} and {@code destroy} report progress. */
enum ProgressFormat {
  TEXT,
  JSON
}
