package dev.catalog.release;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release tarball as a user without a JDK meets it (issue 17): unpacked into an empty
 * directory, its launcher symlinked into another one, run with a PATH that holds no java (only
 * {@code sh} and {@code readlink}, which the launcher needs) and no JAVA_HOME.
 */
class SelfContainedTarballIT {
  static final Path TARBALL = Path.of("target/catalog-0.1.0-linux-x64.tar.gz");

  @TempDir static Path root;
  private static Path release;
  private static Path linked;
  private static Path path;

  @BeforeAll
  static void unpackAndSymlink() throws IOException, InterruptedException {
    var unpacked = Files.createDirectories(root.resolve("opt"));
    var tarball = TARBALL.toAbsolutePath().toString();
    var tar =
        new ProcessBuilder("tar", "-xzf", tarball, "-C", unpacked.toString()).inheritIO().start();
    assertThat(tar.waitFor()).isZero();
    release = unpacked.resolve("catalog-0.1.0");
    linked = Files.createDirectories(root.resolve("usr/local/bin")).resolve("catalog");
    Files.createSymbolicLink(linked, release.resolve("bin/catalog"));
    path = Files.createDirectories(root.resolve("tools"));
    Files.createSymbolicLink(path.resolve("sh"), Path.of("/bin/sh"));
    Files.createSymbolicLink(path.resolve("readlink"), Path.of(which("readlink")));
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void versionThroughASymlinkRunsOnTheRuntimeTheTarballCarries()
      throws IOException, InterruptedException {
    var run = run(linked.toString(), "version");

    assertThat(run.output()).as("no java on PATH").doesNotContain("not found");
    assertThat(run.code()).as(run.output()).isZero();
    var lines = run.output().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).isEqualTo("catalog 0.1.0");
    assertThat(lines.get(1))
        .startsWith("Java 17")
        .endsWith(" at " + release.resolve("runtime").toRealPath());
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void validateThroughASymlinkChecksTheExampleWithNoJdkPresent()
      throws IOException, InterruptedException {
    var example = Path.of("examples/catalog.yaml").toAbsolutePath().toString();

    var run = run(linked.toString(), "validate", "-f", example);

    assertThat(run.output())
        .isEqualTo("Configuration is valid: 2 brokers, 3 instances, 4 bindings.\n");
    assertThat(run.code()).isZero();
  }

  @Test
  void theTarballCarriesARuntimeOfOnlyTheModulesCatalogUses() throws IOException {
    assertThat(release.resolve("runtime/bin/java")).isExecutable();
    assertThat(release.resolve("runtime/lib/server/classes.jsa")).isRegularFile();
    var modules = Files.readString(release.resolve("runtime/release"), UTF_8);
    assertThat(modules)
        .contains("java.net.http")
        .doesNotContain("java.desktop")
        .doesNotContain("jdk.compiler");
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void theFirstRunMakesTheStartUpArchiveForWhereTheTarballWasUnpacked()
      throws IOException, InterruptedException {
    assertThat(run(linked.toString(), "version").code()).isZero();

    var jar = release.resolve("bin/../lib/catalog.jar").toString();
    assertThat(release.resolve("lib/catalog.jsa")).isRegularFile();
    assertThat(Files.readString(release.resolve("lib/catalog.jsa.for"), UTF_8))
        .isEqualTo(jar + "\n");
    var second = run(linked.toString(), "version");
    assertThat(second.output()).startsWith("catalog 0.1.0\n");
    assertThat(second.code()).isZero();
  }

  private record Run(int code, String output) {}

  private static Run run(String... command) throws IOException, InterruptedException {
    var builder = new ProcessBuilder(command).redirectErrorStream(true).directory(root.toFile());
    Map<String, String> env = builder.environment();
    env.clear();
    env.put("PATH", path.toString());
    env.put("HOME", root.toString());
    var process = builder.start();
    var output = new String(process.getInputStream().readAllBytes(), UTF_8);
    return new Run(process.waitFor(), output);
  }

  private static String which(String tool) {
    for (var dir : List.of("/usr/bin", "/bin")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return dir + "/" + tool;
      }
    }
    throw new IllegalStateException(tool + " not found in /usr/bin or /bin");
  }
}
