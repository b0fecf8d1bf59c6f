package dev.catalog.plan;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.catalog.plan.PlanFixtures.BASIC;
import static dev.catalog.plan.PlanFixtures.CACHE;
import static dev.catalog.plan.PlanFixtures.DB;
import static dev.catalog.plan.PlanFixtures.SMALL;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.catalog.Secret;
import dev.catalog.osb.BrokerAuth;
import dev.catalog.osb.BrokerClient;
import dev.catalog.osb.BrokerConnection;
import dev.catalog.osb.HttpTrace;
import dev.catalog.osb.RetryPolicy;
import dev.catalog.plan.LiveResource.Status;
import dev.catalog.state.Address;
import dev.catalog.state.LastOperation;
import dev.catalog.state.OperationState;
import dev.catalog.state.OperationType;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Refresh edge cases a real broker cannot produce on demand: a 404 during our own provision, a 500,
 * and an offering that does not allow fetching (checklist F-01, F-05, F-07).
 */
@Timeout(60)
class RefresherTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private Refresher refresher() {
    var connection =
        BrokerConnection.of(
            URI.create(wm.baseUrl()), BrokerAuth.basic("admin", Secret.of("refresher-test-pw")));
    var client =
        BrokerClient.create(
            connection, HttpTrace.NONE, d -> {}, Clock.systemUTC(), RetryPolicy.NONE);
    return new Refresher(name -> Optional.of(client), 2);
  }

  @Test
  void readsWhatItMayAndSaysWhatItCouldNot() {
    wm.stubFor(
        get(urlPathEqualTo("/v2/service_instances/id-pending"))
            .willReturn(aResponse().withStatus(404).withBody("{}")));
    wm.stubFor(
        get(urlPathEqualTo("/v2/service_instances/id-gone"))
            .willReturn(aResponse().withStatus(404).withBody("{}")));
    wm.stubFor(
        get(urlPathEqualTo("/v2/service_instances/id-broken"))
            .willReturn(
                aResponse().withStatus(500).withBody("{\"description\":\"database down\"}")));
    wm.stubFor(
        get(urlPathEqualTo("/v2/service_instances/id-fine"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        "{\"plan_id\":\"plan-db-large\",\"parameters\":{\"storage_gb\":7}}")));
    var provisioning =
        PlanFixtures.instance("pending", "acme", DB, SMALL, "{}", null)
            .withLastOperation(
                new LastOperation(
                    OperationType.PROVISION,
                    OperationState.IN_PROGRESS,
                    Optional.of("op"),
                    RecordedFixture.STARTED,
                    Optional.empty()));
    var state =
        PlanFixtures.empty()
            .with(provisioning)
            .with(PlanFixtures.instance("gone", "acme", DB, SMALL, "{}", null))
            .with(PlanFixtures.instance("broken", "acme", DB, SMALL, "{}", null))
            .with(PlanFixtures.instance("fine", "acme", DB, SMALL, "{}", null))
            .with(PlanFixtures.instance("cached", "acme", CACHE, BASIC, "{}", null));

    var refreshed = refresher().refresh(state, Map.of("acme", TestCatalogs.acme()));

    assertThat(refreshed.live(Address.instance("pending")).orElseThrow().status())
        .isEqualTo(Status.PENDING);
    assertThat(refreshed.live(Address.instance("gone")).orElseThrow().status())
        .isEqualTo(Status.GONE);
    var fine = refreshed.live(Address.instance("fine")).orElseThrow();
    assertThat(fine.planId()).contains("plan-db-large");
    assertThat(fine.parameters().orElseThrow().toString()).isEqualTo("{\"storage_gb\":7}");
    // The request id is a fresh UUID per request (checklist H-13).
    assertThat(
            refreshed.notes().stream()
                .map(n -> n.replaceAll("request [0-9a-f-]{36}", "request ID")))
        .containsExactly(
            "instance.broken: could not be read back: fetch instance \"id-broken\": broker returned"
                + " 500 Internal Server Error: \"database down\" [request ID]; it stays as"
                + " recorded",
            "instance.cached: broker \"acme\" does not support fetching instances of service"
                + " \"cache\": drift in plan and parameters cannot be seen");
    wm.verify(0, anyRequestedFor(urlPathEqualTo("/v2/service_instances/id-cached")));
    wm.verify(4, anyRequestedFor(anyUrl()));
  }
}
