package dev.catalog.osb;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Checklist section 4.2: transient failures are retried with capped backoff, where safe. */
class RetryTest {
  @RegisterExtension static WireMockExtension wm = WireMockBroker.extension();

  private final FakeClock clock = new FakeClock();
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final RetryPolicy policy =
      new RetryPolicy(
          4,
          BackoffStrategy.exponential(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(3)),
          Duration.ofSeconds(10));

  private BrokerClient client() {
    return BrokerClient.create(
        WireMockBroker.connection(wm), HttpTrace.NONE, sleeper, clock, policy);
  }

  @Test
  @DisplayName("4.2: the catalog GET survives 503, 503 then 200, backing off 1 s then 2 s")
  void retriesGetAfterServiceUnavailable() {
    wm.stubFor(
        get("/v2/catalog")
            .inScenario("c")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("again"));
    wm.stubFor(
        get("/v2/catalog")
            .inScenario("c")
            .whenScenarioStateIs("again")
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("ok"));
    wm.stubFor(
        get("/v2/catalog")
            .inScenario("c")
            .whenScenarioStateIs("ok")
            .willReturn(okJson(Bodies.CATALOG)));
    assertThat(client().catalog().services()).hasSize(1);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  @DisplayName("4.2: Retry-After on a 503 is a floor for the next attempt, capped by maxDelay")
  void honoursRetryAfterOnServiceUnavailable() {
    wm.stubFor(
        get("/v2/catalog")
            .inScenario("c")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "7"))
            .willSetStateTo("again"));
    wm.stubFor(
        get("/v2/catalog")
            .inScenario("c")
            .whenScenarioStateIs("again")
            .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "600"))
            .willSetStateTo("ok"));
    wm.stubFor(
        get("/v2/catalog")
            .inScenario("c")
            .whenScenarioStateIs("ok")
            .willReturn(okJson(Bodies.CATALOG)));
    client().catalog();
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(10));
  }

  @Test
  @DisplayName("4.2: gives up after maxAttempts and reports the last failure")
  void givesUpAfterMaxAttempts() {
    wm.stubFor(get("/v2/catalog").willReturn(aResponse().withStatus(502)));
    var e = catchThrowableOfType(BrokerException.class, () -> client().catalog());
    assertThat(e.status()).isEqualTo(502);
    assertThat(wm.getAllServeEvents()).hasSize(4);
    assertThat(sleeper.sleeps())
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
  }

  @Test
  @DisplayName("T-02/OM table: a provision 503 is not repeated (orphan mitigation decides)")
  void neverRepeatsProvisionAfterServerError() {
    wm.stubFor(put(urlPathMatching(".*")).willReturn(aResponse().withStatus(503)));
    var e =
        catchThrowableOfType(
            BrokerException.class, () -> client().provision("i", Bodies.provision()));
    assertThat(OrphanMitigationTable.decide(e)).isEqualTo(Mitigation.INSTANCE);
    assertThat(wm.getAllServeEvents()).hasSize(1);
  }

  @Test
  @DisplayName("ID-06: a PATCH answered 503 applied nothing and is repeated")
  void repeatsUpdateAfterGatewayStatus() {
    wm.stubFor(
        patch(urlPathMatching(".*"))
            .inScenario("u")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("ok"));
    wm.stubFor(
        patch(urlPathMatching(".*"))
            .inScenario("u")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{}")));
    assertThat(client().update("i", Bodies.update()).kind()).isEqualTo(OsbResult.Kind.COMPLETED);
    assertThat(wm.getAllServeEvents()).hasSize(2);
  }

  @Test
  @DisplayName("4.2: a DELETE is repeated after a connection reset, since 410 means gone")
  void repeatsDeleteAfterReset() {
    wm.stubFor(
        delete(urlPathMatching(".*"))
            .inScenario("d")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("ok"));
    wm.stubFor(
        delete(urlPathMatching(".*"))
            .inScenario("d")
            .whenScenarioStateIs("ok")
            .willReturn(aResponse().withStatus(410)));
    assertThat(client().deprovision("i", Bodies.OFFERING).kind()).isEqualTo(OsbResult.Kind.GONE);
    assertThat(wm.getAllServeEvents()).hasSize(2);
  }
}
