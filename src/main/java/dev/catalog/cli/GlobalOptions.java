package dev.catalog.cli;

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

  public boolean noColor() {
    return noColor;
  }

  public boolean verbose() {
    return verbose;
  }
}
