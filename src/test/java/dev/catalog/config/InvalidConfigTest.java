package dev.catalog.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code src/test/resources/invalid/NAME.yaml} must fail with exactly the lines of {@code
 * NAME.expected}: file:line:column, field path, message and hint, whole.
 */
class InvalidConfigTest {
  static final Path DIR = Path.of("src/test/resources/invalid");
  static final Map<String, String> ENV =
      Map.of(
          "DEMO_PASSWORD",
          "not-used-by-validation",
          "KUBECONFIG",
          DIR.resolve("kubeconfig-two-contexts.yml").toString());

  static Stream<String> cases() throws IOException {
    try (var files = Files.list(DIR)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml"))
          .map(n -> n.substring(0, n.length() - ".yaml".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  /** The reported lines, with paths shown relative to the fixture directory. */
  static List<String> errorsOf(String name) {
    var e =
        catchThrowableOfType(
            ConfigException.class,
            () -> new ConfigLoader(ENV).load(List.of(DIR.resolve(name + ".yaml"))));
    assertThat(e).as("%s.yaml must be rejected", name).isNotNull();
    return e.diagnostics().stream().map(d -> d.toString().replace(DIR + "/", "")).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rejectsBadInputWithTheExpectedErrors(String name) throws IOException {
    var expected = Files.readAllLines(DIR.resolve(name + ".expected"));
    assertThat(expected).as("%s.expected lists at least one error", name).isNotEmpty();
    assertThat(errorsOf(name)).containsExactlyElementsOf(expected);
  }

  @Test
  void coversAtLeastTwentyFiveDistinctBadInputs() throws IOException {
    assertThat(cases().count()).isGreaterThanOrEqualTo(25);
  }

  @Test
  void reportsEveryErrorInAFileNotOnlyTheFirst() {
    assertThat(errorsOf("many-errors-in-one-file"))
        .containsExactly(
            "many-errors-in-one-file.yaml:3:11: brokers[0].name: invalid name \"Data\": use only"
                + " lowercase letters, digits and \"-\"; try \"data\"",
            "many-errors-in-one-file.yaml:4:10: brokers[0].url: not an http or https URL; write"
                + " the broker's base URL, like https://broker.example.com",
            "many-errors-in-one-file.yaml:6:43: brokers[0].auth.basic.password: secret values"
                + " must not be written inline; use {fromEnv: NAME}, {fromFile: PATH} or"
                + " {fromSecret: {namespace: NS, name: NAME, key: KEY}}",
            "many-errors-in-one-file.yaml:7:26: brokers[0].timeouts.connect: invalid duration"
                + " \"soon\"; write a number with a unit (ms, s, m, h), like 10s, 2m or 1m30s",
            "many-errors-in-one-file.yaml:10:13: instances[0].broker: broker \"data\" is not"
                + " declared; did you mean \"Data\" (declared at"
                + " many-errors-in-one-file.yaml:3:11)?",
            "many-errors-in-one-file.yaml:12:5: instances[0].paln: unknown key; did you mean"
                + " \"plan\"?",
            "many-errors-in-one-file.yaml:14:5: bindings[0].credentials: missing required key;"
                + " write credentials: {secret: {namespace: NS, name: NAME}} or {file: {path:"
                + " PATH}}",
            "many-errors-in-one-file.yaml:15:15: bindings[0].instance: instance \"orders\" is not"
                + " declared; declared instances: \"orders-db\""
                + " (many-errors-in-one-file.yaml:9:11)");
  }

  @Test
  void inlineSecretValuesAreNeverQuotedInErrors() {
    for (var name :
        List.of(
            "inline-password",
            "inline-bearer-token",
            "inline-git-token",
            "url-with-credentials",
            "many-errors-in-one-file")) {
      assertThat(String.join("\n", errorsOf(name)))
          .doesNotContain("hunter2")
          .doesNotContain("eyJhbGciOiJIUzI1NiJ9");
    }
  }
}
