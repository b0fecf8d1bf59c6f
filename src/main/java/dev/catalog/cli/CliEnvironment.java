package dev.catalog.cli;

import dev.catalog.Redactor;
import java.io.PrintWriter;
import java.util.Map;

/**
 * What a command may touch of the outside world: its output streams and environment variables.
 * Passed in rather than read from {@code System} so CLI tests run in-process.
 *
 * @param out data (plans, listings, JSON)
 * @param err diagnostics and errors
 * @param env environment variables
 * @param interactive whether stdout is a terminal (colours, live progress, prompts)
 * @param redactor the secrets this run has learnt, scrubbed out of outside text (issue 19)
 */
public record CliEnvironment(
    PrintWriter out,
    PrintWriter err,
    Map<String, String> env,
    boolean interactive,
    Redactor redactor) {

  public CliEnvironment {
    env = Map.copyOf(env);
  }

  /** An environment for one run, which starts knowing no secret. */
  public CliEnvironment(
      PrintWriter out, PrintWriter err, Map<String, String> env, boolean interactive) {
    this(out, err, env, interactive, new Redactor());
  }

  /** Whether colour is allowed: a terminal, no {@code NO_COLOR} and no {@code --no-color}. */
  public boolean colour(boolean noColorFlag) {
    var noColorEnv = env.get("NO_COLOR");
    return interactive && !noColorFlag && (noColorEnv == null || noColorEnv.isEmpty());
  }

  /** Whether this run is in CI: no terminal, or {@code CI} set to a true value. */
  public boolean ci() {
    var ci = env.getOrDefault("CI", "");
    return !interactive || ci.equalsIgnoreCase("true") || ci.equals("1");
  }
}
