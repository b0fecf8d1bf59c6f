package dev.catalog.cli;

import dev.catalog.CatalogException;
import dev.catalog.IoErrors;
import dev.catalog.config.ConfigException;
import dev.catalog.state.backend.StateLockedException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints an error raised by a command as one line on stderr and returns exit code 1.
 *
 * <p>Messages of {@link CatalogException} are written for users and printed as they are. Anything
 * else is a bug: its type and message are printed, with the stack trace only under {@code
 * --verbose}. No exception message in catalog carries credentials, so printing them is safe.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  private final CliEnvironment env;

  ErrorHandler(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    var err = env.err();
    if (ex instanceof ConfigException config) {
      printDiagnostics(err, config);
    } else if (ex instanceof FileSystemException file) {
      // A missing or unreadable file the user named (a plan file, an output directory) is their
      // mistake to fix, not a bug: the path and the reason, never "internal error" (issue 19).
      err.println(
          "Error: "
              + (file.getFile() == null ? "" : file.getFile() + ": ")
              + IoErrors.reason(file));
    } else if (ex instanceof CatalogException) {
      // Git and Kubernetes failures quote their server's words; scrubbed like a broker's.
      err.println("Error: " + env.redactor().scrub(ex.getMessage()));
    } else {
      err.println("Error: internal error: " + env.redactor().scrub(String.valueOf(ex)));
      if (verbose(parseResult)) {
        ex.printStackTrace(err);
      } else {
        err.println("Run again with --verbose for details.");
      }
    }
    err.flush();
    return ex instanceof StateLockedException ? ExitCode.LOCKED : ExitCode.ERROR;
  }

  /** One line per configuration problem, then {@code N errors.}; the same for every command. */
  static void printDiagnostics(PrintWriter err, ConfigException e) {
    e.diagnostics().forEach(d -> err.println(d));
    err.println(e.summary());
    err.flush();
  }

  private static boolean verbose(ParseResult parseResult) {
    for (var pr = parseResult; pr != null; pr = pr.subcommand()) {
      if (pr.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
