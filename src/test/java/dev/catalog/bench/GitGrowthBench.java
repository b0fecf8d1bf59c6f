package dev.catalog.bench;

import dev.catalog.cli.BackendFactory;
import dev.catalog.config.BackendKind;
import dev.catalog.state.StateStore;
import dev.catalog.state.TestStates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;

/**
 * Measures how a Git state remote grows when 1,000 resources are created one apply step at a time,
 * against batching the same steps per commit. Not a test: run by hand (docs/state.md).
 *
 * <pre>java -cp target/test-classes:target/classes:DEPS dev.catalog.bench.GitGrowthBench [STEPS]
 * </pre>
 */
public final class GitGrowthBench {
  private GitGrowthBench() {}

  public static void main(String[] args) throws Exception {
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    var dir = Files.createTempDirectory("git-growth");
    for (int perCommit : new int[] {1, 10}) {
      var remote = dir.resolve("remote-" + perCommit + ".git");
      Git.init()
          .setBare(true)
          .setInitialBranch("main")
          .setDirectory(remote.toFile())
          .call()
          .close();
      var settings =
          Map.of(
              "url", remote.toString(), "cacheDir", dir.resolve("cache-" + perCommit).toString());
      long started = System.nanoTime();
      try (var backend = BackendFactory.open(BackendKind.GIT, settings, dir)) {
        var store = new StateStore(backend, "bench");
        for (int i = 0; i < steps; i += perCommit) {
          int from = i;
          store.update(
              s -> {
                var next = s;
                for (int j = from; j < Math.min(from + perCommit, steps); j++) {
                  next = next.with(TestStates.instance("resource-" + j));
                }
                return next;
              });
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        long stateBytes = backend.read().orElseThrow().content().length;
        awaitBackgroundGc(remote);
        long before = size(remote);
        long cache = size(dir.resolve("cache-" + perCommit));
        gc(remote);
        long after = size(remote);
        System.out.printf(
            "%d steps, %d per commit: %d commits, final state %d KiB, remote %d KiB,"
                + " after git gc %d KiB, loose objects in the cache %d KiB, %d ms%n",
            steps,
            perCommit,
            (steps + perCommit - 1) / perCommit,
            stateBytes / 1024,
            before / 1024,
            after / 1024,
            cache / 1024,
            millis);
      }
    }
  }

  /** JGit's receive-pack starts an automatic gc in the background once packs pile up. */
  private static void awaitBackgroundGc(Path repo) throws InterruptedException {
    while (Files.exists(repo.resolve("gc.pid"))) {
      Thread.sleep(500);
    }
  }

  private static void gc(Path repo) throws IOException, InterruptedException {
    var process =
        new ProcessBuilder("git", "--git-dir=" + repo, "gc", "--quiet", "--prune=now")
            .inheritIO()
            .start();
    if (process.waitFor() != 0) {
      throw new IOException("git gc failed");
    }
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
