package dev.catalog.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Process entry point: wires the real streams and environment and exits with the code. */
public final class Main {
  private static final String JGIT_SHA1 = "org.eclipse.jgit.util.sha1.implementation";
  private static final String PICOCLI_CLOSURES = "picocli.disable.closures";

  private Main() {}

  public static void main(String[] args) {
    // Third-party libraries (JGit, fabric8) log through SLF4J; keep them quiet unless they warn.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    // SSH failures (an unknown host key, a refused key) reach the user as the git backend's error
    // sentence; sshd's own warning lines about them would only repeat it as raw log text.
    System.setProperty("org.slf4j.simpleLogger.log.org.apache.sshd", "error");
    System.setProperty(
        "org.slf4j.simpleLogger.log.org.eclipse.jgit.internal.transport.sshd", "error");
    // JGit hashes objects with its own pure-Java SHA-1 with collision detection unless told
    // otherwise; under bin/catalog's C1-only JVM that was a third of the CPU of an apply with the
    // Git backend, every state blob hashed once to commit and once more by a file remote receiving
    // it (issue 7). The JDK's SHA-1 is several times faster. Collision detection guards objects
    // crafted by a hostile remote; the state repository is one the user trusts to hold the state.
    if (System.getProperty(JGIT_SHA1) == null) {
      System.setProperty(JGIT_SHA1, "jdkNative");
    }
    // Picocli's default factory looks for Groovy's Closure class on first use; the miss searches
    // the class path and opens the jar, which nothing else on a validate needs (issue 7).
    if (System.getProperty(PICOCLI_CLOSURES) == null) {
      System.setProperty(PICOCLI_CLOSURES, "true");
    }
    var out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    var err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    var env = new CliEnvironment(out, err, System.getenv(), System.console() != null);
    int code = run(env, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line in-process and returns its exit code; tests call this. */
  public static int run(CliEnvironment env, String... args) {
    try (var lastActions = env.lastActions()) {
      return commandLine(env, Subcommands.neededBy(args)).execute(args);
    }
  }

  /** Runs with the given streams, no terminal and the given environment. */
  public static int run(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
    return run(new CliEnvironment(out, err, env, false), args);
  }

  /** The configured picocli command tree with every subcommand. */
  public static CommandLine commandLine(CliEnvironment env) {
    return commandLine(env, Subcommands.all());
  }

  private static CommandLine commandLine(CliEnvironment env, List<Class<?>> subcommands) {
    var factory = new CommandFactory(env);
    var cmd = new CommandLine(CatalogCommand.class, factory);
    for (var subcommand : subcommands) {
      cmd.addSubcommand(new CommandLine(subcommand, factory));
    }
    cmd.setOut(env.out());
    cmd.setErr(env.err());
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setExecutionExceptionHandler(new ErrorHandler(env));
    cmd.setParameterExceptionHandler(new UsageErrorHandler(env));
    cmd.setExecutionStrategy(new ColourStrategy(env));
    HelpSections.install(cmd);
    return cmd;
  }
}
