package dev.catalog.cli;

import picocli.CommandLine.Option;

/** How {@code plan} and {@code drift} print: the format and the Markdown size budget. */
final class PlanOutputOptions {
  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
  PlanFormat format;

  @Option(
      names = "--max-bytes",
      defaultValue = "60000",
      paramLabel = "N",
      description = "Markdown size budget (default: ${DEFAULT-VALUE}).")
  int maxBytes;
}
