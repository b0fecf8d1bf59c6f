package dev.catalog.release;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the image without a container runtime: its layers unpacked into a directory, the
 * entrypoint run there with chroot as the image's user. Proves the runtime carries every
 * library it needs and the entrypoint starts catalog. Needs root (chroot); skipped otherwise.
 */
@EnabledIfSystemProperty(
    named = "catalog.image.tar",
    matches = ".+",
    disabledReason = "the image is built only with -Pimage (docs/container.md)")
@EnabledIf(value = "canChroot", disabledReason = "chroot needs root and /usr/sbin/chroot")
class ContainerImageRunIT {
  @TempDir Path root;

  static boolean canChroot() {
    return Files.isExecutable(Path.of("/usr/sbin/chroot"))
        && "root".equals(System.getProperty("user.name"));
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void entrypointPrintsTheVersionAsTheImageUser() throws IOException, InterruptedException {
    // The unpacked root is the container's "/": the image user must be able to traverse it.
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    JsonNode config = unpack();
    var command = new ArrayList<String>(List.of("/usr/sbin/chroot", "--userspec=" + user(config)));
    command.add(root.toString());
    config.get("config").get("Entrypoint").forEach(arg -> command.add(arg.asText()));
    command.add("version");
    var process = new ProcessBuilder(command).redirectErrorStream(true);
    process.environment().clear();
    // A bare chroot has no /proc, which the loader needs to resolve $ORIGIN in the JDK's
    // RPATH; a container runtime mounts /proc, so this is only for the test.
    process.environment().put("LD_LIBRARY_PATH", "/opt/java/lib:/opt/java/lib/server");
    process.environment().put("HOME", "/home/catalog");
    Process run = process.start();
    String output = new String(run.getInputStream().readAllBytes(), UTF_8);
    assertThat(run.waitFor()).as(output).isZero();
    assertThat(output).startsWith("catalog 0.1.0\nJava 17.");
  }

  private static String user(JsonNode config) {
    return config.get("config").get("User").asText();
  }

  /** Unpacks every layer in order into {@link #root}; returns the image config. */
  private JsonNode unpack() throws IOException {
    Map<String, TarEntries.Entry> outer;
    try (InputStream in = Files.newInputStream(Path.of(System.getProperty("catalog.image.tar")))) {
      outer = TarEntries.read(in);
    }
    var json = new ObjectMapper();
    JsonNode manifest = json.readTree(outer.get("manifest.json").content()).get(0);
    for (JsonNode layer : manifest.get("Layers")) {
      byte[] gz = outer.get(layer.asText()).content();
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
        for (TarEntries.Entry entry : TarEntries.read(in).values()) {
          write(entry);
        }
      }
    }
    return json.readTree(outer.get(manifest.get("Config").asText()).content());
  }

  private void write(TarEntries.Entry entry) throws IOException {
    Path target = root.resolve(entry.name());
    if (entry.type() == '5') {
      Files.createDirectories(target);
    } else {
      Files.createDirectories(target.getParent());
      Files.write(target, entry.content());
    }
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(rwx(entry.mode())));
  }

  private static String rwx(int mode) {
    var text = new StringBuilder();
    for (int shift = 6; shift >= 0; shift -= 3) {
      int bits = (mode >> shift) & 7;
      text.append((bits & 4) != 0 ? 'r' : '-');
      text.append((bits & 2) != 0 ? 'w' : '-');
      text.append((bits & 1) != 0 ? 'x' : '-');
    }
    return text.toString();
  }
}
