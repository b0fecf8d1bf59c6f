package dev.catalog.cli;

import picocli.CommandLine.Model.CommandSpec;

/**
 * What the global options ({@link GlobalOptions}) ask of one run, read once and passed on as
 * values instead of being looked up by name in each command (issue 12).
 *
 * @param colour whether output may be coloured: a terminal, no {@code NO_COLOR}, no {@code
 *     --no-color}
 * @param verbose {@code --verbose}: trace broker HTTP requests on stderr
 * @param quiet {@code --quiet}: only data and errors
 */
record RunContext(boolean colour, boolean verbose, boolean quiet) {
  /** The context of the command {@code spec} describes, after parsing. */
  static RunContext of(CommandSpec spec, CliEnvironment env) {
    return new RunContext(
        env.colour(set(spec, "--no-color")),
        set(spec, "--verbose"),
        GlobalOptions.quietRequested(spec));
  }

  // Inherited options are copied onto each subcommand; the value is on the command's own copy.
  private static boolean set(CommandSpec spec, String name) {
    var option = spec.findOption(name);
    return option != null && Boolean.TRUE.equals(option.getValue());
  }
}
