package dev.catalog.state.backend.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.cli.CliRun;
import dev.catalog.state.State;
import dev.catalog.state.StateCodec;
import dev.catalog.state.TestStates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** What the Git remote tests share: a catalog.yaml for a remote, state files, the git CLI. */
final class GitRemoteFixture {
  private GitRemoteFixture() {}

  /** Writes {@code catalog.yaml} with no brokers and a git backend block of {@code settings}. */
  static Path config(Path dir, String backendBlock) {
    try {
      Files.createDirectories(dir);
      var file = dir.resolve("catalog.yaml");
      Files.writeString(
          file, "apiVersion: catalog/v1\nbackend:\n  type: git\n" + backendBlock.indent(2));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A state document with one instance, to push with {@code catalog state push}. */
  static Path stateFile(Path dir, String instance) {
    var state = State.empty(UUID.randomUUID(), "test").with(TestStates.instance(instance));
    return write(dir.resolve(instance + ".state.json"), state);
  }

  /** A state document with no resources, which a configuration without brokers plans against. */
  static Path emptyStateFile(Path dir) {
    return write(dir.resolve("empty.state.json"), State.empty(UUID.randomUUID(), "test"));
  }

  private static Path write(Path file, State state) {
    try {
      Files.write(file, new StateCodec().encode(state));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  static CliRun catalog(Map<String, String> env, Path config, String... args) {
    var all = new ArrayList<>(List.of(args));
    all.addAll(List.of("-f", config.toString()));
    var run = CliRun.run(env, all.toArray(String[]::new));
    // On the test's console: the messages docs/troubleshooting.md quotes come from these runs.
    System.out.println(
        "catalog " + String.join(" ", args) + " -> exit " + run.exitCode() + "\n" + run.err());
    return run;
  }

  /** Runs {@code git --git-dir=REPO ARGS} and returns its output; it must succeed. */
  static String git(Path repo, String... args) {
    var command = new ArrayList<>(List.of("git", "--git-dir=" + repo));
    command.addAll(List.of(args));
    try {
      var process = new ProcessBuilder(command).redirectErrorStream(true).start();
      var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor()).as(output).isZero();
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Asserts that no file under {@code dirs} contains any of {@code secrets}. */
  static void assertNoFileHolds(List<Path> dirs, String... secrets) {
    for (var dir : dirs) {
      try (Stream<Path> files = Files.walk(dir)) {
        files
            .filter(Files::isRegularFile)
            .forEach(
                file -> {
                  var bytes = read(file);
                  for (var secret : secrets) {
                    assertThat(bytes).as(file.toString()).doesNotContain(secret);
                  }
                });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
