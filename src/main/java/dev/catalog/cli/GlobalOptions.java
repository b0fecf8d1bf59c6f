package dev.catalog.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command accepts. */
public final class GlobalOptions {
  @Option(
      names = "--no-color",
      scope = ScopeType.INHERIT,
      description = "Disable colours (also when NO_COLOR is set or output is not a terminal).")
  boolean noColor;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Trace broker HTTP requests (never credentials) on stderr.")
  boolean verbose;

  @Option(
      names = {"-q", "--quiet"},
      scope = ScopeType.INHERIT,
      description = "Print only data and errors: no progress, hints or confirmations on stderr.")
  boolean quiet;

  public boolean noColor() {
    return noColor;
  }

  public boolean verbose() {
    return verbose;
  }

  public boolean quiet() {
    return quiet;
  }

  /**
   * Whether {@code --quiet} was given anywhere on the command line: an inherited option is set on
   * the command where it was typed, so a subcommand asks the whole parse result.
   */
  public static boolean quietRequested(CommandSpec spec) {
    for (var pr = spec.root().commandLine().getParseResult(); pr != null; pr = pr.subcommand()) {
      if (pr.hasMatchedOption("--quiet")) {
        return true;
      }
    }
    return false;
  }
}
