package dev.catalog.cli;

import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParseResult;

/** Turns picocli's own colours (help, usage errors) off unless colour is allowed. */
final class ColourStrategy implements IExecutionStrategy {
  private final CliEnvironment env;

  ColourStrategy(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public int execute(ParseResult parseResult) {
    applyColour(parseResult.commandSpec().commandLine(), noColorRequested(parseResult), env);
    return new CommandLine.RunLast().execute(parseResult);
  }

  static boolean noColorRequested(ParseResult parseResult) {
    for (var pr = parseResult; pr != null; pr = pr.subcommand()) {
      if (pr.hasMatchedOption("--no-color")) {
        return true;
      }
    }
    return false;
  }

  static void applyColour(CommandLine cmd, boolean noColorFlag, CliEnvironment env) {
    var ansi = env.colour(noColorFlag) ? Ansi.ON : Ansi.OFF;
    for (var c = cmd; c != null; c = c.getParent()) {
      c.setColorScheme(CommandLine.Help.defaultColorScheme(ansi));
    }
    cmd.getSubcommands().values().forEach(sub -> applyTree(sub, ansi));
  }

  private static void applyTree(CommandLine cmd, Ansi ansi) {
    cmd.setColorScheme(CommandLine.Help.defaultColorScheme(ansi));
    cmd.getSubcommands().values().forEach(sub -> applyTree(sub, ansi));
  }
}
