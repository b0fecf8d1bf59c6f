package dev.catalog.cli;

/**
 * The Exit codes section of every command's {@code --help} and the EXIT STATUS of its man page
 * (issue 17): one line a code, the code right-aligned in four columns. The codes are those of
 * {@link ExitCode}; a command's own meaning of 0 and 2 is said here.
 */
public final class HelpExitCodes {
  private static final String LOCKED = "   3  state locked by someone else (see --lock-timeout)";
  private static final String INTERRUPTED =
      " 130  interrupted (operations in flight are recorded; the next apply resumes them)";

  private HelpExitCodes() {}

  /** The exit code lines of the command with this qualified name. */
  public static String of(String command) {
    return switch (command) {
      case "catalog" -> String.join(
          "\n",
          "   0  success, no changes",
          "   1  error",
          "   2  changes or drift present (plan --detailed-exitcode, drift)",
          LOCKED,
          INTERRUPTED);
      case "plan" -> String.join(
          "\n",
          "   0  success (with --detailed-exitcode: no changes)",
          "   1  error",
          "   2  with --detailed-exitcode: resources would change or an apply left work",
          LOCKED);
      case "apply" -> String.join(
          "\n", "   0  success", "   1  error, a stale plan, or an operation failed", LOCKED,
          INTERRUPTED);
      case "destroy" -> String.join(
          "\n", "   0  success", "   1  error or an operation failed", LOCKED, INTERRUPTED);
      case "refresh" -> String.join("\n", "   0  success", "   1  error", LOCKED, INTERRUPTED);
      case "drift" -> String.join(
          "\n", "   0  no drift", "   1  error", "   2  drift found", LOCKED);
      case "import" -> String.join(
          "\n",
          "   0  imported",
          "   1  error: nothing was imported and state is unchanged",
          LOCKED);
      case "validate" -> String.join(
          "\n", "   0  the configuration is valid", "   1  errors (each with file:line:column)");
      case "state rm", "state mv", "state push", "force-unlock", "graph", "credentials",
          "state list", "state show", "state pull" -> String.join(
          "\n", "   0  success", "   1  error", LOCKED);
      default -> String.join("\n", "   0  success", "   1  error");
    };
  }
}
