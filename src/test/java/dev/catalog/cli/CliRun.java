package dev.catalog.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** The outcome of one in-process CLI run: exit code, stdout and stderr. */
public record CliRun(int exitCode, String out, String err) {

  /** Runs {@code catalog ARGS} in-process with no terminal and the given environment. */
  public static CliRun run(Map<String, String> env, String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int code;
    try (var o = new PrintWriter(out); var e = new PrintWriter(err)) {
      code = Main.run(o, e, env, args);
    }
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Runs {@code catalog ARGS} with an empty environment. */
  public static CliRun run(String... args) {
    return run(Map.of(), args);
  }
}
