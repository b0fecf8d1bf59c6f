package dev.catalog.cli;

import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Reports a command-line mistake with a hint and exit code 1 (never picocli's default 2). */
final class UsageErrorHandler implements IParameterExceptionHandler {
  private static final Pattern ENUM_VALUES =
      Pattern.compile("expected one of \\[([A-Z0-9_, ]+)\\] \\(case-insensitive\\) but was");

  private final CliEnvironment env;

  UsageErrorHandler(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    var cmd = ex.getCommandLine();
    var err = env.err();
    err.println("Error: " + valuesAsTyped(ex.getMessage()));
    if (!UnmatchedArgumentException.printSuggestions(ex, err)) {
      err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
    }
    err.flush();
    return ExitCode.ERROR;
  }

  /**
   * picocli lists an enum option's values as the constants ({@code [TEXT, JSON]}); help,
   * completion and the examples write them as they are typed, in lower case (issue 17).
   */
  static String valuesAsTyped(String message) {
    var matcher = ENUM_VALUES.matcher(message);
    if (!matcher.find()) {
      return message;
    }
    var values = String.join(", ", matcher.group(1).toLowerCase(Locale.ROOT).split(", "));
    return message.substring(0, matcher.start())
        + "expected one of: "
        + values
        + " but was"
        + message.substring(matcher.end());
  }
}
