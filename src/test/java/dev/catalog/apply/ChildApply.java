package dev.catalog.apply;

import dev.catalog.state.State;
import dev.catalog.state.StateStore;
import dev.catalog.state.backend.local.LocalBackend;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code catalog apply} in a separate JVM with the test's class path, for tests that kill or signal
 * it; and the local state it leaves, read as the next run would.
 */
final class ChildApply {
  private ChildApply() {}

  /** {@code catalog apply -f CONFIG --auto-approve}, output and errors merged. */
  static ProcessBuilder of(Path config, Map<String, String> env) {
    var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var builder =
        new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "dev.catalog.cli.Main",
            "apply",
            "-f",
            config.toString(),
            "--auto-approve");
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    return builder;
  }

  /** The state in {@code catalog.state.json} of {@code dir}. */
  static State stateIn(Path dir) {
    return new StateStore(new LocalBackend(dir.resolve("catalog.state.json")), "test")
        .read()
        .state();
  }
}
