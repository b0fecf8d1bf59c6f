package dev.catalog.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker (or an auth proxy in front of it) that quotes the request's {@code Authorization}
 * header and the password in its error descriptions: nothing catalog prints or writes may carry
 * them (issue 19, item 3). Only WireMock can echo headers on demand; the reference broker cannot.
 */
@Timeout(60)
class HostileBrokerTest {
  private static final String PASSWORD = "hostile-broker-pw-9f3k";
  private static final String BASIC =
      Base64.getEncoder()
          .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  private static final String ECHO =
      "{\"description\":\"proxy refused Authorization: {{request.headers.Authorization}}"
          + " (password "
          + PASSWORD
          + ")\"}";
  private static final String CATALOG =
      """
      {"services":[{"id":"svc-db","name":"db","description":"Databases","bindable":true,
        "plan_updateable":true,"instances_retrievable":true,"bindings_retrievable":true,
        "plans":[{"id":"plan-small","name":"small","description":"Small"},
                 {"id":"plan-async","name":"async","description":"Slow"}]}]}
      """;

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @TempDir Path dir;
  private Path config;

  @BeforeEach
  void setUp() throws IOException {
    wm.stubFor(get("/v2/catalog").willReturn(aResponse().withStatus(200).withBody(CATALOG)));
    // The synchronous plan fails with a 500, which calls for orphan mitigation; the DELETE sent
    // for it fails the same way, so the reason stays in state as pending_orphan_mitigation.
    wm.stubFor(
        put(urlPathMatching("/v2/service_instances/.*"))
            .withRequestBody(matchingJsonPath("$.plan_id", equalTo("plan-small")))
            .willReturn(echo(500)));
    wm.stubFor(delete(urlPathMatching("/v2/service_instances/.*")).willReturn(echo(500)));
    // The asynchronous plan is accepted, then its last_operation fails quoting the secrets.
    wm.stubFor(
        put(urlPathMatching("/v2/service_instances/.*"))
            .withRequestBody(matchingJsonPath("$.plan_id", equalTo("plan-async")))
            .willReturn(aResponse().withStatus(202).withBody("{\"operation\":\"op-1\"}")));
    wm.stubFor(
        get(urlPathMatching("/v2/service_instances/.*/last_operation"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(ECHO.replace("{\"description", "{\"state\":\"failed\",\"description"))
                    .withTransformers("response-template")));
    config = dir.resolve("catalog.yaml");
    Files.writeString(
        config,
        """
        apiVersion: catalog/v1
        brokers:
          - name: hostile
            url: %s
            auth:
              basic:
                username: admin
                password: { fromEnv: BROKER_PW }
        instances:
          - name: sync-db
            broker: hostile
            service: db
            plan: small
          - name: async-db
            broker: hostile
            service: db
            plan: async
        """
            .formatted(wm.baseUrl()));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder echo(int s) {
    return aResponse().withStatus(s).withBody(ECHO).withTransformers("response-template");
  }

  private CliRun run(String... args) {
    var all = Stream.concat(Stream.of(args), Stream.of("-f", config.toString()));
    return CliRun.run(Map.of("BROKER_PW", PASSWORD), all.toArray(String[]::new));
  }

  @Test
  void secretsEchoedByABrokerAreNeitherPrintedNorStoredNorSavedInAPlan() throws IOException {
    var apply = run("apply", "--auto-approve");
    var plan = run("plan", "--out", dir.resolve("tfplan").toString());

    assertThat(wm.getAllServeEvents())
        .as("the broker did receive the password, so the echo is real")
        .anyMatch(e -> ("Basic " + BASIC).equals(e.getRequest().getHeader("Authorization")));
    assertThat(apply.exitCode()).isEqualTo(1);
    assertThat(apply.err())
        .containsPattern(
            "(?m)^Error: instance\\.sync-db: provision instance \"[0-9a-f-]+\": broker \"hostile\""
                + " returned 500 Internal Server Error: \"proxy refused Authorization: Basic"
                + " \\(sensitive\\) \\(password \\(sensitive\\)\\)\" \\[request [0-9a-f-]+\\];");
    assertThat(apply.out() + apply.err() + plan.out() + plan.err())
        .contains("proxy refused Authorization: Basic (sensitive) (password (sensitive))")
        .doesNotContain(PASSWORD)
        .doesNotContain(BASIC);
    try (var files = Files.list(dir)) {
      for (var file : files.filter(f -> !f.equals(config)).toList()) {
        assertThat(Files.readString(file, StandardCharsets.ISO_8859_1))
            .as(file.toString())
            .doesNotContain(PASSWORD)
            .doesNotContain(BASIC);
      }
    }
    assertThat(Files.readString(dir.resolve("catalog.state.json")))
        .contains("pending_orphan_mitigation")
        .contains("proxy refused Authorization: Basic (sensitive) (password (sensitive))");
  }

  @Test
  void everyFileHoldingStateIsReadableByItsOwnerOnly() throws IOException {
    run("apply", "--auto-approve");
    run("apply", "--auto-approve");
    run("plan", "--out", dir.resolve("tfplan").toString());

    Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
    try (var files = Files.list(dir)) {
      var written = files.filter(f -> !f.equals(config)).toList();
      assertThat(written).contains(dir.resolve("catalog.state.json"), dir.resolve("tfplan"));
      for (var file : written) {
        if (Files.isRegularFile(file) && !file.getFileName().toString().equals(".gitignore")) {
          assertThat(Files.getPosixFilePermissions(file)).as(file.toString()).isEqualTo(ownerOnly);
        }
      }
    }
  }
}
