package dev.catalog.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.config.CredentialsTarget.FileFormat;
import dev.catalog.config.CredentialsTarget.FileTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The accepted spellings of durations, versions, modes and formats, and their defaults. */
class ValidValuesTest {
  static final String HEADER =
      """
      apiVersion: catalog/v1
      brokers:
        - name: data
          url: http://127.0.0.1:8080/data
      """;

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({"500ms, PT0.5S", "5s, PT5S", "2m, PT2M", "1h, PT1H", "1m30s, PT1M30S"})
  void acceptsDurationsWithUnits(String written, Duration expected) throws IOException {
    var config = load(HEADER + "    timeouts: { connect: " + written + " }\n");
    assertThat(config.broker("data").orElseThrow().timeouts())
        .isEqualTo(new Timeouts(expected, Timeouts.DEFAULT_REQUEST));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"'\"2.17\"', 2.17", "2.10, 2.10", "'\"3.0\"', 3.0"})
  void keepsTheApiVersionAsWrittenEvenUnquoted(String written, String expected) throws IOException {
    var config = load(HEADER + "    apiVersion: " + written + "\n");
    assertThat(config.broker("data").orElseThrow().apiVersion()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "mode {0}, path {1}")
  @CsvSource({
    "'', out/creds.json, 0600, JSON",
    "'\"0640\"', out/creds.json, 0640, JSON",
    "600, out/app.env, 0600, ENV",
    "0644, creds, 0644, JSON",
  })
  void fileSinkModeAndFormatDefaults(
      String mode, String path, String expectedMode, FileFormat format) throws IOException {
    var modeLine = mode.isEmpty() ? "" : ", mode: " + mode;
    var config =
        load(
            HEADER
                + "instances: [{ name: db, broker: data, service: db, plan: small }]\n"
                + "bindings:\n"
                + "  - name: app\n"
                + "    instance: db\n"
                + "    credentials: { file: { path: "
                + path
                + modeLine
                + " } }\n");
    var target = (FileTarget) config.binding("app").orElseThrow().credentials();
    assertThat(target.mode()).isEqualTo(expectedMode);
    assertThat(target.format()).isEqualTo(format);
    assertThat(target.path()).isEqualTo(dir.resolve(path));
  }

  @Test
  void fileModeConvertsToPosixPermissions() {
    var target = new FileTarget(Path.of("x"), "x", "0640", FileFormat.JSON);
    assertThat(target.permissions()).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
  }

  @Test
  void emptyAndNullListsAreAllowed() throws IOException {
    var config = load("apiVersion: catalog/v1\nbrokers: []\ninstances:\nbindings: ~\n");
    assertThat(config.brokers()).isEmpty();
    assertThat(config.instances()).isEmpty();
    assertThat(config.bindings()).isEmpty();
    assertThat(config.backend()).isEqualTo(Backend.local(new Location(file().toString(), 1, 1)));
  }

  @Test
  void backendSettingsAreCheckedPerType() throws IOException {
    var config =
        load(
            "apiVersion: catalog/v1\nbackend:\n  type: configmap\n  namespace: ops\n"
                + "  name: catalog-state\n");
    assertThat(config.backend().type()).isEqualTo("configmap");
    assertThat(config.backend().settings())
        .isEqualTo(Map.of("namespace", "ops", "name", "catalog-state"));
  }

  @Test
  void theGitTokenIsASecretReferenceHandedToTheBackendAsASetting() throws IOException {
    var config =
        load(
            "apiVersion: catalog/v1\nbackend:\n  type: git\n  url: https://git.example/s.git\n"
                + "  token: { fromEnv: GIT_TOKEN }\n");
    assertThat(config.backend().settings())
        .isEqualTo(Map.of("url", "https://git.example/s.git", "token", "fromEnv:GIT_TOKEN"));
  }

  @Test
  void yamlBooleansAndNestedReferencesBind() throws IOException {
    var config =
        load(
            HEADER
                + "    tls: { insecureSkipVerify: true }\n"
                + "instances:\n"
                + "  - name: db\n"
                + "    broker: data\n"
                + "    service: db\n"
                + "    plan: small\n"
                + "    lifecycle: { preventDestroy: yes, ignoreParameters: [tags, owner] }\n"
                + "    parametersFrom:\n"
                + "      - fromSecret: { namespace: shop, name: db-params, key: params.json }\n");
    assertThat(config.broker("data").orElseThrow().tls().insecureSkipVerify()).isTrue();
    var db = config.instance("db").orElseThrow();
    assertThat(db.lifecycle()).isEqualTo(new Lifecycle(true, List.of("/tags", "/owner")));
    assertThat(db.parametersFrom())
        .containsExactly(
            new SecretRef.FromSecret(
                "shop",
                "db-params",
                "params.json",
                "instances[0].parametersFrom[0]",
                new Location(file().toString(), 13, 9)));
  }

  Path file() {
    return dir.resolve("catalog.yaml");
  }

  CatalogConfig load(String yaml) throws IOException {
    Files.writeString(file(), yaml);
    return new ConfigLoader(Map.of()).load(List.of(file()));
  }

  @Test
  void ignoreParametersTakesJsonPointersAndReadsAPlainKeyAsATopLevelPointer() throws IOException {
    var config =
        load(
            HEADER
                + "instances:\n"
                + "  - name: db\n"
                + "    broker: data\n"
                + "    service: db\n"
                + "    plan: small\n"
                + "    lifecycle:\n"
                + "      ignoreParameters: [tags, \"a/b\", /settings/backup/window, /x~1y/0]\n");

    assertThat(config.instance("db").orElseThrow().lifecycle().ignoreParameters())
        .containsExactly("/tags", "/a~1b", "/settings/backup/window", "/x~1y/0");
  }

  @Test
  void aBindingTakesLifecyclePreventDestroy() throws IOException {
    var config =
        load(
            HEADER
                + "instances:\n"
                + "  - { name: db, broker: data, service: db, plan: small }\n"
                + "bindings:\n"
                + "  - name: db-app\n"
                + "    instance: db\n"
                + "    credentials: { file: { path: out/db.json } }\n"
                + "    lifecycle: { preventDestroy: true }\n");

    assertThat(config.bindings().get(0).lifecycle()).isEqualTo(new Lifecycle(true, List.of()));
  }
}
