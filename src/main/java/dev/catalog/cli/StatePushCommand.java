package dev.catalog.cli;

import dev.catalog.CatalogException;
import dev.catalog.IoErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code catalog state push FILE}: replaces the stored state with a file, e.g. an {@code
 * errored.catalog.state.json}. Refuses another lineage or a lower serial unless {@code --force}.
 */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    description = "Replace the state with FILE (e.g. errored.catalog.state.json).")
final class StatePushCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;

  @Mixin BackendOptions backend;

  @Parameters(paramLabel = "FILE", description = "A state document.")
  Path file;

  @Option(names = "--force", description = "Push even another lineage or a lower serial.")
  boolean force;

  private final CliEnvironment env;

  StatePushCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CatalogException("cannot read " + file + ": " + IoErrors.reason(e), e);
    }
    try (var session = StateSession.open(env, backend, config)) {
      var pushed = session.store().codec().decode(content, file.toString());
      try (var lock = session.lock("state push")) {
        var before = session.store().read();
        session.store().checkReplace(before, pushed, force);
        if (before.exists()) {
          session.backup(before);
        }
        var after = session.store().replace(before, pushed, force);
        env.out()
            .println(
                "Pushed "
                    + file
                    + " to "
                    + session.backend().identity()
                    + " (serial "
                    + after.state().serial()
                    + ").");
      }
      return ExitCode.OK;
    }
  }
}
