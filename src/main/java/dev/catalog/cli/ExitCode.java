package dev.catalog.cli;

/** The process exit codes of PRODUCT.md section 7. */
public final class ExitCode {
  /** Success, or no changes. */
  public static final int OK = 0;
  /** Any error: bad input, broker failure, failed apply. */
  public static final int ERROR = 1;
  /** Changes or drift present ({@code --detailed-exitcode}, {@code drift}). */
  public static final int CHANGES = 2;
  /** The state is locked by someone else, after {@code --lock-timeout}. */
  public static final int LOCKED = 3;
  /** Interrupted by SIGINT or SIGTERM. */
  public static final int INTERRUPTED = 130;

  private ExitCode() {}
}
