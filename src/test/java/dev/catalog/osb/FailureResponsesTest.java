package dev.catalog.osb;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Error bodies, malformed and oversized responses, timeouts and resets (E-02, PR-15, T-01). */
class FailureResponsesTest {
  @RegisterExtension static WireMockExtension wm = WireMockBroker.extension();

  private static BrokerException provisionFails(BrokerClient client) {
    return catchThrowableOfType(
        BrokerException.class, () -> client.provision("i-1", Bodies.provision()));
  }

  @Test
  @DisplayName("E-02/E-04: a 422 error body gives status, code and description in the message")
  void reportsStatusCodeAndDescription() {
    wm.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withBody(
                        "{\"error\":\"QuotaExceeded\",\"description\":\"storage_gb must be at most"
                            + " 100\"}")));
    var e = provisionFails(WireMockBroker.client(wm));
    assertThat(e.getMessage())
        .isEqualTo(
            "provision instance \"i-1\": broker returned 422 Unprocessable Entity (QuotaExceeded):"
                + " \"storage_gb must be at most 100\" [request "
                + e.requestId()
                + "]");
    assertThat(e.errorCode()).contains("QuotaExceeded");
    assertThat(e.description()).contains("storage_gb must be at most 100");
    assertThat(OrphanMitigation.decide(e)).isEqualTo(Mitigation.NONE);
  }

  @Test
  @DisplayName("E-02: a 500 with an HTML body reports the status, never the body")
  void copesWithHtmlErrorBodies() {
    wm.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html><b>secret-ish</b></html>")));
    var e = provisionFails(WireMockBroker.client(wm));
    assertThat(e.getMessage())
        .isEqualTo(
            "provision instance \"i-1\": broker returned 500"
                + " Internal Server Error with no description [request "
                + e.requestId()
                + "]");
    assertThat(OrphanMitigation.decide(e)).isEqualTo(Mitigation.INSTANCE);
  }

  @Test
  @DisplayName("H-06: 401 is one request, no retry, no orphan mitigation")
  void unauthorizedIsNotRetried() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)));
    var clock = new FakeClock();
    var client =
        BrokerClient.create(
            WireMockBroker.connection(wm),
            HttpTrace.NONE,
            new RecordingSleeper(clock),
            clock,
            RetryPolicy.DEFAULT);
    var e =
        catchThrowableOfType(
            BrokerException.class, () -> client.deprovision("i-1", Bodies.OFFERING));
    assertThat(e.getMessage())
        .isEqualTo(
            "deprovision instance \"i-1\": broker returned 401"
                + " Unauthorized with no description [request "
                + e.requestId()
                + "]");
    assertThat(wm.getAllServeEvents()).hasSize(1);
    assertThat(OrphanMitigation.decide(e)).isEqualTo(Mitigation.NONE);
  }

  @Test
  @DisplayName("H-03: 412 on the catalog shows the broker's message naming the version")
  void preconditionFailedShowsTheDescription() {
    wm.stubFor(
        get("/v2/catalog")
            .willReturn(
                aResponse()
                    .withStatus(412)
                    .withBody("{\"description\":\"use X-Broker-API-Version 2.14\"}")));
    var e = catchThrowableOfType(BrokerException.class, () -> WireMockBroker.client(wm).catalog());
    assertThat(e.getMessage())
        .isEqualTo(
            "fetch catalog: broker returned 412 Precondition Failed:"
                + " \"use X-Broker-API-Version 2.14\" [request "
                + e.requestId()
                + "]");
  }

  @Test
  @DisplayName("PR-15: malformed JSON in a 201 is a failure calling for orphan mitigation")
  void malformedCreatedBodyIsFailure() {
    wm.stubFor(
        put(urlPathMatching(".*"))
            .willReturn(aResponse().withStatus(201).withBody("{\"dashboard_url\": ")));
    var e = provisionFails(WireMockBroker.client(wm));
    assertThat(e.getMessage())
        .isEqualTo(
            "provision instance \"i-1\": broker returned 201 Created"
                + " with a malformed body: not JSON [request "
                + e.requestId()
                + "]");
    assertThat(e.responseClass()).isEqualTo(ResponseClass.CREATED_MALFORMED);
    assertThat(OrphanMitigation.decide(e)).isEqualTo(Mitigation.INSTANCE);
  }

  @Test
  @DisplayName("PR-15: a 201 body that is an array is malformed")
  void arrayBodyIsMalformed() {
    wm.stubFor(put(urlPathMatching(".*")).willReturn(aResponse().withStatus(201).withBody("[]")));
    assertThat(provisionFails(WireMockBroker.client(wm)).responseClass())
        .isEqualTo(ResponseClass.CREATED_MALFORMED);
  }

  @Test
  @DisplayName("PR-15: an operation over 10,000 characters in a 202 is malformed")
  void overlongOperationIsMalformed() {
    wm.stubFor(
        put(urlPathMatching(".*"))
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withBody("{\"operation\":\"" + "x".repeat(10_001) + "\"}")));
    assertThat(provisionFails(WireMockBroker.client(wm)).responseClass())
        .isEqualTo(ResponseClass.ACCEPTED_MALFORMED);
  }

  @Test
  @DisplayName("E-02: an oversized bind body is a malformed 201, not a crash")
  void oversizedBodyIsMalformed() {
    var huge = "{\"credentials\":{\"blob\":\"" + "a".repeat(2 << 20) + "\"}}";
    wm.stubFor(put(urlPathMatching(".*")).willReturn(aResponse().withStatus(201).withBody(huge)));
    var e =
        catchThrowableOfType(
            BrokerException.class,
            () -> WireMockBroker.client(wm).bind("i-1", "b-1", Bodies.bind()));
    assertThat(e.getMessage())
        .isEqualTo(
            "bind binding \"b-1\": broker returned 201 Created"
                + " with a malformed body: larger than 1048576 bytes [request "
                + e.requestId()
                + "]");
    assertThat(OrphanMitigation.decide(e)).isEqualTo(Mitigation.BINDING);
  }

  @Test
  @DisplayName("D-05: 410 with an empty body on DELETE means already gone")
  void goneWithEmptyBody() {
    wm.stubFor(delete(urlPathMatching(".*")).willReturn(aResponse().withStatus(410)));
    assertThat(WireMockBroker.client(wm).deprovision("i-1", Bodies.OFFERING).kind())
        .isEqualTo(OsbResult.Kind.GONE);
    assertThat(WireMockBroker.client(wm).unbind("i-1", "b-1", Bodies.OFFERING).kind())
        .isEqualTo(OsbResult.Kind.GONE);
  }

  @Test
  @DisplayName("E-02: an empty 200 body on DELETE counts as {}")
  void emptyOkBodyOnDelete() {
    wm.stubFor(delete(urlPathMatching(".*")).willReturn(aResponse().withStatus(200)));
    assertThat(WireMockBroker.client(wm).deprovision("i-1", Bodies.OFFERING).kind())
        .isEqualTo(OsbResult.Kind.COMPLETED);
  }

  @Test
  @DisplayName("T-01/T-02: a slow provision times out and calls for orphan mitigation")
  void slowResponseTimesOut() {
    wm.stubFor(
        put(urlPathMatching(".*"))
            .willReturn(aResponse().withStatus(201).withBody("{}").withFixedDelay(3_000)));
    var clock = new FakeClock();
    var client =
        BrokerClient.create(
            WireMockBroker.connection(wm)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)),
            HttpTrace.NONE,
            new RecordingSleeper(clock),
            clock,
            RetryPolicy.DEFAULT);
    var e = provisionFails(client);
    assertThat(e.getMessage())
        .isEqualTo(
            "provision instance \"i-1\": no complete response within 300ms (timeouts.request)"
                + " [request "
                + e.requestId()
                + "]");
    assertThat(e.responseClass()).isEqualTo(ResponseClass.TIMEOUT);
    assertThat(OrphanMitigation.decide(e)).isEqualTo(Mitigation.INSTANCE);
    assertThat(wm.getAllServeEvents()).hasSize(1);
  }

  @Test
  @DisplayName("T-02: a connection reset on bind is a timeout-class failure, binding mitigated")
  void connectionResetOnBind() {
    wm.stubFor(
        put(urlPathMatching(".*"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    var e =
        catchThrowableOfType(
            BrokerException.class,
            () -> WireMockBroker.client(wm).bind("i-1", "b-1", Bodies.bind()));
    assertThat(e.responseClass()).isEqualTo(ResponseClass.TIMEOUT);
    assertThat(OrphanMitigation.decide(e)).isEqualTo(Mitigation.BINDING);
  }

  @Test
  @DisplayName("4.2: a refused connection is reported with the broker URL and never mitigated")
  void refusedConnection() throws Exception {
    int port;
    try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    var clock = new FakeClock();
    var sleeper = new RecordingSleeper(clock);
    var connection =
        WireMockBroker.connection(wm).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
    connection =
        new BrokerConnection(
            URI.create("http://127.0.0.1:" + port + "/data"),
            connection.apiVersion(),
            connection.auth(),
            connection.tls(),
            connection.connectTimeout(),
            connection.requestTimeout(),
            connection.originatingIdentity(),
            connection.userAgent());
    var client =
        BrokerClient.create(connection, HttpTrace.NONE, sleeper, clock, RetryPolicy.DEFAULT);
    var e = catchThrowableOfType(BrokerException.class, client::catalog);
    assertThat(e.getMessage())
        .isEqualTo(
            "fetch catalog: cannot connect to http://127.0.0.1:"
                + port
                + "/data: connection refused [request "
                + e.requestId()
                + "]");
    assertThat(e.responseClass()).isEqualTo(ResponseClass.NOT_SENT);
    assertThat(sleeper.sleeps()).hasSize(RetryPolicy.DEFAULT.maxAttempts() - 1);
  }
}
