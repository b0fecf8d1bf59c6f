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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The image tarball {@code mvn -Pimage package} builds (Jib, docker-archive format): config,
 * entrypoint, user, and a root filesystem that holds everything the entrypoint needs.
 */
@EnabledIfSystemProperty(
    named = "catalog.image.tar",
    matches = ".+",
    disabledReason = "the image is built only with -Pimage (docs/container.md)")
class ContainerImageIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonNode manifest;
  private static JsonNode config;
  private static Map<String, TarEntries.Entry> rootFs;

  @BeforeAll
  static void readImage() throws IOException {
    Map<String, TarEntries.Entry> outer;
    try (InputStream in = Files.newInputStream(Path.of(System.getProperty("catalog.image.tar")))) {
      outer = TarEntries.read(in);
    }
    manifest = JSON.readTree(outer.get("manifest.json").content()).get(0);
    config = JSON.readTree(outer.get(manifest.get("Config").asText()).content());
    rootFs = new LinkedHashMap<>();
    for (JsonNode layer : manifest.get("Layers")) {
      byte[] gz = outer.get(layer.asText()).content();
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
        rootFs.putAll(TarEntries.read(in));
      }
    }
  }

  @Test
  void isTaggedWithTheProjectVersionForLinuxAmd64() {
    assertThat(manifest.get("RepoTags").get(0).asText()).isEqualTo("catalog:0.1.0");
    assertThat(config.get("os").asText()).isEqualTo("linux");
    assertThat(config.get("architecture").asText()).isEqualTo("amd64");
  }

  @Test
  void entrypointRunsTheCliOnTheBundledJavaRuntime() {
    assertThat(strings(config.get("config").get("Entrypoint")))
        .containsExactly(
            "/opt/java/bin/java",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:-UsePerfData",
            "-XX:MaxRAMPercentage=75",
            "-Xshare:auto",
            "-cp",
            "@/app/jib-classpath-file",
            "dev.catalog.cli.Main");
    assertThat(
            config.get("config").path("Cmd").isMissingNode()
                || config.get("config").get("Cmd").isNull())
        .isTrue();
  }

  @Test
  void runsAsTheNonRootUserCatalogWithAWritableHome() {
    assertThat(config.get("config").get("User").asText()).isEqualTo("65532:65532");
    assertThat(text("etc/passwd")).contains("catalog:x:65532:65532:catalog:/home/catalog:");
    assertThat(strings(config.get("config").get("Env"))).contains("HOME=/home/catalog");
    assertThat(rootFs.get("home/catalog").mode()).isEqualTo(0777);
    assertThat(rootFs.get("tmp").mode()).isEqualTo(0777);
  }

  @Test
  void holdsEveryFileTheEntrypointNeeds() {
    assertThat(rootFs.get("opt/java/bin/java").mode()).isEqualTo(0755);
    assertThat(rootFs.get("lib64/ld-linux-x86-64.so.2").mode()).isEqualTo(0755);
    assertThat(rootFs)
        .containsKeys(
            "lib/x86_64-linux-gnu/libc.so.6",
            "lib/x86_64-linux-gnu/libz.so.1",
            "lib/x86_64-linux-gnu/libstdc++.so.6",
            "opt/java/lib/server/libjvm.so",
            "opt/java/lib/server/classes.jsa",
            "opt/java/lib/modules");
    assertThat(rootFs.get("opt/java/lib/security/cacerts").content().length).isGreaterThan(10_000);
    assertThat(rootFs.values()).noneMatch(e -> e.type() == '2' || e.type() == '1');
    for (String entry : text("app/jib-classpath-file").trim().split(":")) {
      String path = entry.substring(1);
      if (path.endsWith("/*")) {
        String dir = path.substring(0, path.length() - 1);
        assertThat(rootFs.keySet())
            .as(entry)
            .anyMatch(name -> name.startsWith(dir) && name.endsWith(".jar"));
      } else {
        assertThat(rootFs).as(entry).containsKey(path);
      }
    }
  }

  @Test
  void carriesTheApplicationAndNoTestCode() {
    assertThat(rootFs).containsKey("app/classes/dev/catalog/cli/Main.class");
    assertThat(rootFs.keySet())
        .noneMatch(name -> name.contains("junit") || name.contains("testbroker"))
        .anyMatch(name -> name.startsWith("app/libs/picocli-4.7.7"));
  }

  private static String text(String name) {
    return new String(rootFs.get(name).content(), UTF_8);
  }

  private static List<String> strings(JsonNode array) {
    var list = new ArrayList<String>();
    array.forEach(node -> list.add(node.asText()));
    return list;
  }
}
