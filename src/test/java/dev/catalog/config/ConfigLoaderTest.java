package dev.catalog.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading several files and directories, merging them, and expanding {@code ${ENV}}. */
class ConfigLoaderTest {
  static final String BROKERS =
      """
      apiVersion: catalog/v1
      brokers:
        - name: data
          url: http://127.0.0.1:8080/data
      """;
  static final String INSTANCES =
      """
      apiVersion: catalog/v1
      instances:
        - name: orders-db
          broker: data
          service: db
          plan: small
      """;

  @TempDir Path dir;

  @Test
  void mergesTheYamlFilesOfADirectoryInNameOrder() throws IOException {
    write("20-instances.yml", INSTANCES);
    write("10-brokers.yaml", BROKERS);
    write("notes.txt", "not configuration");
    var config = load(Map.of(), dir);
    assertThat(config.brokers()).extracting(Broker::name).containsExactly("data");
    assertThat(config.instances()).extracting(Instance::name).containsExactly("orders-db");
    assertThat(config.instance("orders-db").orElseThrow().location().file())
        .isEqualTo(dir.resolve("20-instances.yml").toString());
  }

  @Test
  void loadsAFileLargerThanSnakeYamlsDefaultThreeMebibyteLimit() throws IOException {
    var yaml = new StringBuilder(BROKERS).append("instances:\n");
    int count = 0;
    while (yaml.length() < 4 * 1024 * 1024) {
      yaml.append("  - name: db-").append(count++).append("\n    broker: data\n");
      yaml.append("    service: db\n    plan: small\n");
      yaml.append("    parameters: { storage_gb: 20, region: eu-1, note: ");
      yaml.append("x".repeat(40)).append(" }\n");
    }
    var config = load(Map.of(), write("big.yaml", yaml.toString()));
    assertThat(config.instances()).hasSize(count);
  }

  @Test
  void mergesFilesGivenSeparatelyAndReadsAFileGivenTwiceOnce() throws IOException {
    var brokers = write("brokers.yaml", BROKERS);
    var instances = write("instances.yaml", INSTANCES);
    var config = load(Map.of(), brokers, instances, brokers);
    assertThat(config.brokers()).hasSize(1);
    assertThat(config.instances()).hasSize(1);
  }

  @Test
  void aNameDeclaredInTwoFilesIsAnErrorNamingBothPlaces() throws IOException {
    var first = write("a.yaml", BROKERS + INSTANCES.replace("apiVersion: catalog/v1\n", ""));
    var second = write("b.yaml", INSTANCES.replace("plan: small", "plan: large"));
    assertThat(errors(Map.of(), first, second))
        .containsExactly(
            second
                + ":3:11: instances[0].name: instance \"orders-db\" is already declared at "
                + first
                + ":6:11; names must be unique among instances; rename one");
  }

  @Test
  void aBackendDeclaredInTwoFilesIsAnError() throws IOException {
    var first = write("a.yaml", "apiVersion: catalog/v1\nbackend: { type: local }\n");
    var second = write("b.yaml", "apiVersion: catalog/v1\nbackend:\n  type: git\n");
    assertThat(errors(Map.of(), first, second))
        .containsExactly(
            second
                + ":3:3: backend: backend is already declared at "
                + first
                + ":2:10; declare the backend in one file only");
  }

  @Test
  void instancesWrittenBeforeTheirBrokersLoadAsWhenWrittenAfter() throws IOException {
    var file = write("catalog.yaml", INSTANCES + BROKERS.replace("apiVersion: catalog/v1\n", ""));
    var config = load(Map.of(), file);
    assertThat(config.brokers()).extracting(Broker::name).containsExactly("data");
    assertThat(config.instances()).extracting(Instance::name).containsExactly("orders-db");
    assertThat(config.instance("orders-db").orElseThrow().location().toString())
        .isEqualTo(file + ":3:5");
  }

  @Test
  void aFileWithASyntaxErrorReportsOnlyThatEvenAfterAnInvalidInstance() throws IOException {
    var file =
        write(
            "catalog.yaml",
            INSTANCES.replace("plan: small", "plan: small\n    colour: red")
                + "bindings:\n  - name: [unclosed\n");
    assertThat(errors(Map.of(), file))
        .singleElement()
        .asString()
        .startsWith(file + ":")
        .contains("YAML syntax error")
        .doesNotContain("colour");
  }

  @Test
  void errorsAreOrderedByFileThenLine() throws IOException {
    var first = write("a.yaml", "apiVersion: catalog/v1\nbrokers: {}\nnope: 1\n");
    var second = write("b.yaml", "apiVersion: catalog/v2\n");
    assertThat(errors(Map.of(), second, first))
        .containsExactly(
            second
                + ":1:13: apiVersion: unsupported apiVersion \"catalog/v2\"; write"
                + " \"catalog/v1\"",
            first + ":2:10: brokers: expected a list, got an object",
            first
                + ":3:1: nope: unknown key; expected one of: apiVersion, backend, brokers,"
                + " instances, bindings, policies");
  }

  @Test
  void aMissingFileAndAnEmptyDirectoryAreReportedAsGiven() throws IOException {
    var empty = Files.createDirectory(dir.resolve("empty"));
    var missing = Path.of("no-such-dir/catalog.yaml");
    assertThat(errors(Map.of(), missing, empty))
        .containsExactly(
            "no-such-dir/catalog.yaml: file not found",
            empty + ": no *.yaml or *.yml files in this directory");
  }

  @Test
  void expandsEnvironmentVariablesInEveryString() throws IOException {
    var file =
        write(
            "catalog.yaml",
            """
            apiVersion: catalog/v1
            backend: { type: git, url: "https://${GIT_HOST}/state.git" }
            brokers:
              - name: data
                url: http://${BROKER_HOST}:8080/data
            instances:
              - name: orders-db
                broker: data
                service: db
                plan: small
                parameters:
                  region: ${REGION}
                  template: "$${NOT_EXPANDED} and $$ stays"
                  tags: ["team-${TEAM}"]
            """);
    var env =
        Map.of(
            "GIT_HOST",
            "git.example.com",
            "BROKER_HOST",
            "10.0.0.7",
            "REGION",
            "eu-west",
            "TEAM",
            "shop");
    var config = load(env, file);
    assertThat(config.backend().setting("url")).isEqualTo("https://git.example.com/state.git");
    assertThat(config.broker("data").orElseThrow().url().toString())
        .isEqualTo("http://10.0.0.7:8080/data");
    assertThat(config.instance("orders-db").orElseThrow().parameters().toJson())
        .isEqualTo(
            new ObjectMapper()
                .readTree(
                    "{\"region\":\"eu-west\",\"template\":\"${NOT_EXPANDED} and $$ stays\","
                        + "\"tags\":[\"team-shop\"]}"));
  }

  @Test
  void anUnsetVariableInsideParametersIsReportedAtItsLocation() throws IOException {
    var file =
        write(
            "catalog.yaml",
            BROKERS
                + INSTANCES.substring(INSTANCES.indexOf("instances"))
                + "    parameters: { owner: \"${OWNER}\" }\n");
    assertThat(errors(Map.of(), file))
        .containsExactly(
            file
                + ":10:26: instances[0].parameters.owner: environment variable \"OWNER\" is not"
                + " set; set it, or write $${OWNER} for a literal ${OWNER}");
  }

  @Test
  void resolvesRelativePathsAgainstTheYamlFileDirectory() throws IOException {
    var sub = Files.createDirectory(dir.resolve("conf"));
    var file =
        write(
            "conf/catalog.yaml",
            """
            apiVersion: catalog/v1
            brokers:
              - name: data
                url: https://broker.example.com/
                tls: { caFile: certs/ca.pem }
                auth: { bearer: { token: { fromFile: secrets/token } } }
            """);
    var broker = load(Map.of(), file).broker("data").orElseThrow();
    assertThat(broker.url().toString()).isEqualTo("https://broker.example.com");
    assertThat(broker.tls().caFile()).contains(sub.resolve("certs/ca.pem"));
    var token = (SecretRef.FromFile) ((BrokerAuthRefs.Bearer) broker.auth().orElseThrow()).token();
    assertThat(token.path()).isEqualTo(sub.resolve("secrets/token"));
    assertThat(token.written()).isEqualTo("secrets/token");
  }

  Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  static CatalogConfig load(Map<String, String> env, Path... paths) {
    return new ConfigLoader(env).load(List.of(paths));
  }

  static List<String> errors(Map<String, String> env, Path... paths) {
    var e = catchThrowableOfType(ConfigException.class, () -> load(env, paths));
    assertThat(e).isNotNull();
    return e.diagnostics().stream().map(Diagnostic::toString).toList();
  }
}
