package dev.catalog.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolving fromEnv and fromFile references, and keeping resolved values out of every message. */
class SecretResolverTest {
  static final String PASSWORD = "s3cr3t-Pa55word";
  static final Supplier<KubernetesClient> NO_KUBERNETES =
      () -> {
        throw new AssertionError("no Kubernetes client expected");
      };

  @TempDir Path dir;

  @Test
  void resolvesFromEnvFromFileAndInlineUsernamesLazily() throws IOException {
    Files.writeString(dir.resolve("password.txt"), PASSWORD + "\n");
    var config =
        load(
            """
apiVersion: catalog/v1
brokers:
  - name: a
    url: https://a.example.com
    auth: { basic: { username: admin, password: { fromEnv: A_PASSWORD } } }
  - name: b
    url: https://b.example.com
    auth: { basic: { username: { fromEnv: B_USER }, password: { fromFile: password.txt } } }
""");
    var resolver =
        new SecretResolver(Map.of("A_PASSWORD", PASSWORD, "B_USER", "bob"), NO_KUBERNETES);
    var a = (BrokerAuthRefs.Basic) config.broker("a").orElseThrow().auth().orElseThrow();
    var b = (BrokerAuthRefs.Basic) config.broker("b").orElseThrow().auth().orElseThrow();
    assertThat(resolver.resolve(a.username()).reveal()).isEqualTo("admin");
    assertThat(resolver.resolve(a.password()).reveal()).isEqualTo(PASSWORD);
    assertThat(resolver.resolve(b.username()).reveal()).isEqualTo("bob");
    // The trailing newline an editor or `echo` adds is not part of the secret.
    assertThat(resolver.resolve(b.password()).reveal()).isEqualTo(PASSWORD);
  }

  @Test
  void aResolvedSecretNeverShowsInToStringOrRecords() {
    var ref = new SecretRef.FromEnv("PW", "brokers[0].auth.basic.password", loc());
    var secret = new SecretResolver(Map.of("PW", PASSWORD), NO_KUBERNETES).resolve(ref);
    assertThat(secret.toString()).isEqualTo("(sensitive)");
    assertThat(ref.toString()).doesNotContain(PASSWORD);
    assertThat(List.of(secret, ref).toString()).doesNotContain(PASSWORD);
  }

  @Test
  void anUnsetOrEmptyVariableIsAnErrorAtTheReference() {
    var ref = new SecretRef.FromEnv("PW", "brokers[0].auth.basic.password", loc());
    assertThatThrownBy(() -> new SecretResolver(Map.of(), NO_KUBERNETES).resolve(ref))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "catalog.yaml:7:19: brokers[0].auth.basic.password: environment variable \"PW\" is"
                + " not set");
    assertThatThrownBy(() -> new SecretResolver(Map.of("PW", ""), NO_KUBERNETES).resolve(ref))
        .hasMessage(
            "catalog.yaml:7:19: brokers[0].auth.basic.password: the value of fromEnv PW is empty");
  }

  @Test
  void aMissingFileIsAnErrorNamingThePathAsWritten() {
    var ref =
        new SecretRef.FromFile(dir.resolve("nope"), "nope", "brokers[0].auth.bearer.token", loc());
    assertThatThrownBy(() -> new SecretResolver(Map.of(), NO_KUBERNETES).resolve(ref))
        .hasMessage("catalog.yaml:7:19: brokers[0].auth.bearer.token: file \"nope\" not found");
  }

  @Test
  void parametersFromReadsAJsonObjectThatPrintsAsSensitive() throws IOException {
    Files.writeString(dir.resolve("params.json"), "{\"admin_password\": \"" + PASSWORD + "\"}");
    var config =
        load(
            """
            apiVersion: catalog/v1
            brokers: [{ name: data, url: "http://127.0.0.1:8080/data" }]
            instances:
              - name: orders-db
                broker: data
                service: db
                plan: small
                parametersFrom:
                  - fromFile: params.json
                  - fromEnv: EXTRA_PARAMETERS
            """);
    var refs = config.instance("orders-db").orElseThrow().parametersFrom();
    assertThat(refs)
        .extracting(SecretRef::field)
        .containsExactly("instances[0].parametersFrom[0]", "instances[0].parametersFrom[1]");
    var resolver = new SecretResolver(Map.of("EXTRA_PARAMETERS", "{\"tier\": 2}"), NO_KUBERNETES);
    var fromFile = resolver.resolveObject(refs.get(0));
    assertThat(fromFile.reveal())
        .isEqualTo(new ObjectMapper().readTree("{\"admin_password\":\"" + PASSWORD + "\"}"));
    assertThat(fromFile.keys()).containsExactly("admin_password");
    assertThat(fromFile.toString()).isEqualTo("(sensitive)");
    assertThat(resolver.resolveObject(refs.get(1)).reveal().get("tier").intValue()).isEqualTo(2);
  }

  @Test
  void contentThatIsNotAJsonObjectIsReportedWithoutQuotingIt() {
    var ref = new SecretRef.FromEnv("P", "instances[0].parametersFrom[0]", loc());
    for (var content : List.of("{\"password\": \"" + PASSWORD + "\"", "[\"" + PASSWORD + "\"]")) {
      var e =
          catchThrowable(
              () -> new SecretResolver(Map.of("P", content), NO_KUBERNETES).resolveObject(ref));
      assertThat(e)
          .hasMessage(
              "catalog.yaml:7:19: instances[0].parametersFrom[0]: the content of fromEnv P is not"
                  + " a JSON object")
          .hasNoCause();
      assertThat(e.toString()).doesNotContain(PASSWORD);
    }
  }

  @Test
  void validationNeverResolvesSecrets() {
    // No environment at all: the references load, and nothing is read.
    var config =
        load(
            """
apiVersion: catalog/v1
brokers:
  - name: data
    url: http://127.0.0.1:8080/data
    auth: { bearer: { token: { fromSecret: { namespace: ops, name: broker, key: token } } } }
""");
    var auth = (BrokerAuthRefs.Bearer) config.broker("data").orElseThrow().auth().orElseThrow();
    assertThat(auth.token())
        .isEqualTo(
            new SecretRef.FromSecret(
                "ops",
                "broker",
                "token",
                "brokers[0].auth.bearer.token",
                new Location(dir.resolve("catalog.yaml").toString(), 5, 30)));
  }

  CatalogConfig load(String yaml) {
    try {
      var file = Files.writeString(dir.resolve("catalog.yaml"), yaml);
      return new ConfigLoader(Map.of()).load(List.of(file));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static Location loc() {
    return new Location("catalog.yaml", 7, 19);
  }
}
