package dev.catalog.plan;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.catalog.plan.PlanFixtures.DB;
import static dev.catalog.plan.PlanFixtures.SMALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.catalog.CatalogException;
import dev.catalog.config.CatalogConfig;
import dev.catalog.config.ConfigLoader;
import dev.catalog.osb.BrokerAuth;
import dev.catalog.osb.BrokerClient;
import dev.catalog.osb.BrokerConnection;
import dev.catalog.osb.HttpTrace;
import dev.catalog.osb.RetryPolicy;
import dev.catalog.state.Address;
import dev.catalog.state.InstanceState;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refreshing plan reads recorded resources back while the state is still being decoded (issue
 * 7), each once, and fails exactly as a plan of the whole state does when the state names a removed
 * broker or a catalog cannot be read.
 */
@Timeout(60)
class StreamedRefreshTest {
  private static final String CATALOG =
      "{\"services\":[{\"id\":\"svc-db\",\"name\":\"db\",\"description\":\"Databases\","
          + "\"bindable\":true,\"instances_retrievable\":true,\"plans\":[{\"id\":"
          + "\"plan-db-small\",\"name\":\"small\",\"description\":\"small\"}]}]}";
  private static final BlockingQueue<String> ARRIVED = new LinkedBlockingQueue<>();

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(
              wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(new Arrivals()))
          .build();

  @TempDir Path dir;

  private final InstanceState a = PlanFixtures.instance("a", "acme", DB, SMALL, "{}", null);
  private final InstanceState b = PlanFixtures.instance("b", "acme", DB, SMALL, "{}", null);

  @BeforeEach
  void clearArrivals() {
    ARRIVED.clear();
  }

  @Test
  void readsAResourceBackAsSoonAsItIsDecodedAndOnlyOnce() throws Exception {
    stubCatalog("/acme", aResponse().withStatus(200).withBody(CATALOG));
    wm.stubFor(
        get(urlPathEqualTo("/acme/v2/service_instances/id-a"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody("{\"plan_id\":\"plan-db-small\",\"parameters\":{\"size\":2}}")));
    wm.stubFor(
        get(urlPathEqualTo("/acme/v2/service_instances/id-b"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody("{\"plan_id\":\"plan-db-small\",\"parameters\":{}}")));
    var state = PlanFixtures.empty().with(a).with(b);

    Plan plan;
    try (var refresh = planner("/acme").refreshing(config(), PlanOptions.defaults())) {
      refresh.decoded(a);
      // Sent before the state is whole: the decoder has not yet yielded b.
      awaitRequest("/acme/v2/service_instances/id-a");
      refresh.decoded(b);
      plan = refresh.plan(state);
    }

    assertThat(plan.drift()).extracting(Drift::address).containsExactly(Address.instance("a"));
    wm.verify(1, getRequestedFor(urlPathEqualTo("/acme/v2/catalog")));
    wm.verify(1, getRequestedFor(urlPathEqualTo("/acme/v2/service_instances/id-a")));
    wm.verify(1, getRequestedFor(urlPathEqualTo("/acme/v2/service_instances/id-b")));
  }

  @Test
  void aStateNamingARemovedBrokerFailsWithoutReadingItsResources() throws IOException {
    stubCatalog("/removed", aResponse().withStatus(200).withBody(CATALOG));
    var orphan = PlanFixtures.instance("x", "gone", DB, SMALL, "{}", null);
    var state = PlanFixtures.empty().with(orphan);

    Throwable thrown;
    try (var refresh = planner("/removed").refreshing(config(), PlanOptions.defaults())) {
      refresh.decoded(orphan);
      thrown = catchThrowable(() -> refresh.plan(state));
    }

    assertThat(thrown)
        .isInstanceOf(CatalogException.class)
        .hasMessage(
            "broker \"gone\" is no longer in the configuration, but state still holds"
                + " instance.x there\n"
                + "Keep the broker until its resources are deleted (remove them from the"
                + " configuration and apply), or forget them with \"catalog state rm ADDR\".");
    wm.verify(0, getRequestedFor(urlPathMatching("/removed/v2/service_instances/.*")));
  }

  @Test
  void aCatalogThatCannotBeReadFailsAsInAPlanOfTheWholeState() throws IOException {
    stubCatalog(
        "/down", aResponse().withStatus(500).withBody("{\"description\":\"catalog down\"}"));
    var state = PlanFixtures.empty().with(a).with(b);

    Throwable streamed;
    try (var refresh = planner("/down").refreshing(config(), PlanOptions.defaults())) {
      refresh.decoded(a);
      refresh.decoded(b);
      streamed = catchThrowable(() -> refresh.plan(state));
    }
    var config = config();
    var whole = catchThrowable(() -> planner("/down").plan(config, state, PlanOptions.defaults()));

    var expected =
        "broker \"acme\": cannot read its catalog: fetch catalog: broker returned 500 Internal"
            + " Server Error: \"catalog down\" [request ID]";
    assertThat(streamed).isInstanceOf(CatalogException.class);
    assertThat(withoutRequestId(streamed)).isEqualTo(expected);
    assertThat(withoutRequestId(whole)).isEqualTo(expected);
    wm.verify(0, getRequestedFor(urlPathMatching("/down/v2/service_instances/.*")));
  }

  /**
   * Each test has a path prefix of its own: a catalog read that a failed plan left running must
   * not count in the next test.
   */
  private static void stubCatalog(String prefix, ResponseDefinitionBuilder response) {
    wm.stubFor(get(urlPathEqualTo(prefix + "/v2/catalog")).willReturn(response));
  }

  private CatalogConfig config() throws IOException {
    var file = dir.resolve("catalog.yaml");
    Files.writeString(
        file,
        """
        apiVersion: catalog/v1
        brokers:
          - { name: acme, url: "http://127.0.0.1:1/acme" }
        instances:
          - { name: a, broker: acme, service: db, plan: small }
          - { name: b, broker: acme, service: db, plan: small }
        """);
    return new ConfigLoader(Map.of()).load(List.of(file));
  }

  private static Planner planner(String prefix) {
    var connection = BrokerConnection.of(URI.create(wm.baseUrl() + prefix), BrokerAuth.none());
    var client =
        BrokerClient.create(
            connection, HttpTrace.NONE, d -> {}, Clock.systemUTC(), RetryPolicy.NONE);
    return new Planner(
        name -> name.equals("acme") ? Optional.of(client) : Optional.empty(),
        ref -> {
          throw new IllegalStateException("no secrets in this test");
        });
  }

  private static String withoutRequestId(Throwable thrown) {
    return thrown.getMessage().replaceAll("\\[request [0-9a-f-]+\\]", "[request ID]");
  }

  private static void awaitRequest(String path) throws InterruptedException {
    while (true) {
      var url = ARRIVED.poll(30, TimeUnit.SECONDS);
      assertThat(url).as("a request for " + path).isNotNull();
      if (url.startsWith(path)) {
        return;
      }
    }
  }

  /** Records the URL of every request as it arrives. */
  static final class Arrivals implements ServeEventListener {
    @Override
    public String getName() {
      return "arrivals";
    }

    @Override
    public void beforeMatch(ServeEvent event, Parameters parameters) {
      ARRIVED.add(event.getRequest().getUrl());
    }
  }
}
