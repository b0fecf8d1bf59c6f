package dev.catalog.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Reports a command-line mistake with a hint and exit code 1 (never picocli's default 2). */
final class UsageErrorHandler implements IParameterExceptionHandler {
  private final CliEnvironment env;

  UsageErrorHandler(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    var cmd = ex.getCommandLine();
    var err = env.err();
    err.println("Error: " + ex.getMessage());
    if (!UnmatchedArgumentException.printSuggestions(ex, err)) {
      err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
    }
    err.flush();
    return ExitCode.ERROR;
  }
}
