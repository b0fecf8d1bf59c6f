package dev.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.catalog.testbroker.ReferenceBroker;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * catalog as the shipped CronJob runs it: a non-root user, the configuration in a directory it
 * cannot write, state in a remote backend (a Git remote here). Nothing may need writing beside the
 * configuration, and a local write that fails says why (issue 19, item 11). The catalog process
 * runs as {@code nobody} through {@code setpriv}, so the permissions are real (the tests run as
 * root, which no permission stops).
 */
@Timeout(180)
class ReadOnlyConfigurationIT {
  private static final String PASSWORD = "read-only-cfg-broker-pw";
  private static final String NOBODY = "65534";

  @TempDir Path dir;

  @Test
  void aRemoteBackendAppliesFromAReadOnlyConfigurationAsANonRootUser() throws Exception {
    assumeTrue(new File("/usr/bin/setpriv").canExecute() && isRoot(), "needs root and setpriv");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    var classpath = readableClasspath(dir.resolve("cp"));
    var remote = dir.resolve("remote.git");
    try (var git =
        Git.init().setBare(true).setInitialBranch("main").setDirectory(remote.toFile()).call()) {
      // nothing more: an empty repository
    }
    var cache = Files.createDirectories(dir.resolve("cache"));
    chownToNobody(remote);
    chownToNobody(cache);
    var conf = Files.createDirectories(dir.resolve("conf"));
    try (var broker =
        ReferenceBroker.start(
            new ReferenceBroker.Options(
                "127.0.0.1", 0, PASSWORD, Clock.systemUTC(), Duration.ZERO))) {
      var config = writeConfig(conf, broker, remote, 20);

      var created = runAsNobody(classpath, conf, cache, "apply", "--auto-approve", "-f", config);
      writeConfig(conf, broker, remote, 30);
      var changed = runAsNobody(classpath, conf, cache, "apply", "--auto-approve", "-f", config);
      var planFile = conf.resolve("x.plan").toString();
      var saved = runAsNobody(classpath, conf, cache, "plan", "-f", config, "--out", planFile);

      assertThat(created.code()).as(created.err()).isZero();
      assertThat(changed.code()).as(changed.err()).isZero();
      assertThat(changed.err()).isEmpty();
      assertThat(changed.out()).contains("Apply complete! Resources: 0 added, 1 changed");
      try (var files = Files.list(conf)) {
        assertThat(files.map(f -> f.getFileName().toString())).containsExactly("catalog.yaml");
      }
      assertThat(saved.code()).isEqualTo(1);
      assertThat(saved.err())
          .isEqualTo(
              "Error: cannot write the plan file "
                  + conf.resolve("x.plan")
                  + ": permission denied\n");
    }
  }

  private static boolean isRoot() throws IOException, InterruptedException {
    var id = new ProcessBuilder("id", "-u").start();
    var uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    return id.waitFor() == 0 && uid.equals("0");
  }

  private static String writeConfig(Path conf, ReferenceBroker broker, Path remote, int storage)
      throws IOException {
    var config = conf.resolve("catalog.yaml");
    Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(
        config,
        """
        apiVersion: catalog/v1
        backend:
          type: git
          url: %s
          branch: main
        brokers:
          - name: data
            url: %s
            auth:
              basic:
                username: admin
                password: { fromEnv: BROKER_PW }
        instances:
          - name: orders-db
            broker: data
            service: db
            plan: small
            parameters: { storage_gb: %d }
        """
            .formatted(remote.toUri(), broker.baseUrl("data"), storage));
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("r--r--r--"));
    // Read-only as a ConfigMap volume is.
    Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("r-xr-xr-x"));
    return config.toString();
  }

  private record Run(int code, String out, String err) {}

  private Run runAsNobody(String classpath, Path workDir, Path cache, String... args)
      throws IOException, InterruptedException {
    var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var command = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY));
    command.addAll(List.of("--clear-groups", java, "-cp", classpath, Main.class.getName()));
    command.addAll(List.of(args));
    var out = Files.createTempFile(dir, "out", ".txt");
    var err = Files.createTempFile(dir, "err", ".txt");
    var builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().clear();
    builder.environment().put("BROKER_PW", PASSWORD);
    builder.environment().put("HOME", "/nonexistent");
    builder.environment().put("XDG_CACHE_HOME", cache.toString());
    builder.environment().put("CI", "true");
    var process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static void chownToNobody(Path path) throws IOException, InterruptedException {
    var chown = new ProcessBuilder("chown", "-R", NOBODY + ":" + NOBODY, path.toString()).start();
    assertThat(chown.waitFor()).isZero();
  }

  /** This JVM's class path, copied where {@code nobody} can read it (root's ~/.m2 is private). */
  private static String readableClasspath(Path target) throws IOException {
    Files.createDirectories(target);
    var entries = new ArrayList<Path>();
    for (var entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      expand(Path.of(entry), entries);
    }
    var copied = new ArrayList<String>();
    int n = 0;
    for (var entry : entries) {
      var copy = target.resolve((n++) + "-" + entry.getFileName());
      if (Files.isDirectory(entry)) {
        copyTree(entry, copy);
      } else if (Files.isRegularFile(entry)) {
        Files.copy(entry, copy, StandardCopyOption.REPLACE_EXISTING);
      } else {
        continue;
      }
      copied.add(copy.toString());
    }
    var chmod = new ProcessBuilder("chmod", "-R", "a+rX", target.toString());
    try {
      assertThat(chmod.start().waitFor()).isZero();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return String.join(File.pathSeparator, copied);
  }

  /** A surefire booter jar names the real class path in its manifest. */
  private static void expand(Path entry, List<Path> into) throws IOException {
    var name = entry.getFileName().toString();
    if (name.endsWith(".jar") && name.startsWith("surefire")) {
      try (var jar = new JarFile(entry.toFile())) {
        var classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
        if (classPath != null) {
          for (var url : classPath.split(" ")) {
            if (!url.isBlank()) {
              into.add(Path.of(java.net.URI.create(url)));
            }
          }
          return;
        }
      }
    }
    into.add(entry);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var walk = Files.walk(from)) {
      for (var source : walk.toList()) {
        var dest = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(source, dest, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
