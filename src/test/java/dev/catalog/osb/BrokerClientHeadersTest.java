package dev.catalog.osb;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.catalog.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Checklist section 1.1: headers, auth, encoding, and tolerance of vendor fields. */
class BrokerClientHeadersTest {
  @RegisterExtension static WireMockExtension wm = WireMockBroker.extension();

  private void stubEveryEndpoint() {
    wm.stubFor(any(anyUrl()).willReturn(okJson("{\"x_vendor\":{\"n\":1}}")));
    wm.stubFor(get("/v2/catalog").willReturn(okJson(Bodies.CATALOG)));
    wm.stubFor(
        get(urlPathMatching(".*/last_operation"))
            .willReturn(okJson("{\"state\":\"in progress\",\"x_vendor\":true}")));
    wm.stubFor(
        put(urlPathMatching("/v2/service_instances/[^/]+"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withBody("{\"dashboard_url\":\"http://d\",\"x_vendor\":1}")));
    wm.stubFor(
        put(urlPathMatching(".*/service_bindings/[^/]+"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withBody("{\"credentials\":{\"uri\":\"u\"},\"x_vendor\":1}")));
  }

  private static void callEveryEndpoint(BrokerClient client) {
    client.catalog();
    client.provision("i-1", Bodies.provision());
    client.update("i-1", Bodies.update());
    client.lastInstanceOperation("i-1", Bodies.poll("op"));
    client.fetchInstance("i-1", Optional.of(Bodies.OFFERING));
    client.bind("i-1", "b-1", Bodies.bind());
    client.lastBindingOperation("i-1", "b-1", Bodies.poll(null));
    client.fetchBinding("i-1", "b-1", Optional.empty());
    client.unbind("i-1", "b-1", Bodies.OFFERING);
    client.deprovision("i-1", Bodies.OFFERING);
  }

  /** Recorded requests, oldest first (WireMock lists newest first). */
  private static List<LoggedRequest> requests() {
    var requests = new java.util.ArrayList<LoggedRequest>();
    wm.getAllServeEvents().forEach(e -> requests.add(0, e.getRequest()));
    return requests;
  }

  @Test
  @DisplayName("H-01/H-04/H-12/H-13/H-14: every request carries version, Basic auth, a fresh UUID")
  void sendsTheOsbHeadersOnEveryRequest() {
    stubEveryEndpoint();
    callEveryEndpoint(WireMockBroker.client(wm));

    var basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (WireMockBroker.USERNAME + ":" + WireMockBroker.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8));
    var ids = new HashSet<String>();
    assertThat(requests()).hasSize(10);
    for (var request : requests()) {
      assertThat(request.getHeader("X-Broker-API-Version")).isEqualTo("2.17");
      assertThat(request.getHeader("Authorization")).isEqualTo(basic);
      assertThat(request.getHeader("User-Agent")).isEqualTo(BrokerConnection.defaultUserAgent());
      assertThat(request.getHeader("User-Agent")).startsWith("catalog/");
      var id = request.getHeader("X-Broker-API-Request-Identity");
      assertThat(UUID.fromString(id).toString()).isEqualTo(id);
      ids.add(id);
      var hasBody =
          request.getMethod().getName().equals("PUT")
              || request.getMethod().getName().equals("PATCH");
      assertThat(request.containsHeader("Content-Type")).isEqualTo(hasBody);
      if (hasBody) {
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
      } else {
        assertThat(request.getBodyAsString()).isEmpty();
      }
      assertThat(request.containsHeader("X-Broker-API-Originating-Identity")).isFalse();
    }
    assertThat(ids).hasSize(10);
  }

  @Test
  @DisplayName("H-02: a per-broker apiVersion override is sent instead of 2.17")
  void sendsTheConfiguredApiVersion() {
    stubEveryEndpoint();
    var clock = new FakeClock();
    var client =
        BrokerClient.create(
            WireMockBroker.connection(wm).withApiVersion("2.14"),
            HttpTrace.NONE,
            new RecordingSleeper(clock),
            clock,
            RetryPolicy.NONE);
    client.catalog();
    assertThat(requests().get(0).getHeader("X-Broker-API-Version")).isEqualTo("2.14");
  }

  @Test
  @DisplayName("H-05: bearer auth sends the token and no Basic header")
  void sendsBearerTokenWhenConfigured() {
    stubEveryEndpoint();
    var clock = new FakeClock();
    var connection =
        BrokerConnection.of(
            java.net.URI.create(wm.baseUrl()), BrokerAuth.bearer(Secret.of("t0ken")));
    BrokerClient.create(
            connection, HttpTrace.NONE, new RecordingSleeper(clock), clock, RetryPolicy.NONE)
        .catalog();
    assertThat(requests().get(0).getHeader("Authorization")).isEqualTo("Bearer t0ken");
  }

  @Test
  @DisplayName("H-08/H-10/OI-01/OI-03/OI-06: originating identity is platform + Base64 JSON")
  void sendsOriginatingIdentityOnEveryRequest() throws Exception {
    stubEveryEndpoint();
    var user =
        Bodies.json("{\"username\":\"alice\",\"uid\":\"1\",\"groups\":[\"dev\"],\"extra\":{}}");
    var clock = new FakeClock();
    var client =
        BrokerClient.create(
            WireMockBroker.connection(wm)
                .withOriginatingIdentity(new OriginatingIdentityHeader("kubernetes", user)),
            HttpTrace.NONE,
            new RecordingSleeper(clock),
            clock,
            RetryPolicy.NONE);
    callEveryEndpoint(client);
    for (var request : requests()) {
      var header = request.getHeader("X-Broker-API-Originating-Identity");
      assertThat(header).matches("^\\S+ [A-Za-z0-9+/]+={0,2}$").startsWith("kubernetes ");
      var decoded = Base64.getDecoder().decode(header.substring("kubernetes ".length()));
      assertThat(Bodies.JSON.readTree(decoded)).isEqualTo(user);
    }
  }

  @Test
  @DisplayName("H-18/P-05/P-08: ids and operation are RFC 3986 percent-encoded, offering sent")
  void percentEncodesIdsAndOperation() {
    stubEveryEndpoint();
    var client = WireMockBroker.client(wm);
    client.lastInstanceOperation("a b/c", Bodies.poll("x+y z&q=1/é"));
    var url = requests().get(0).getUrl();
    assertThat(url)
        .isEqualTo(
            "/v2/service_instances/a%20b%2Fc/last_operation"
                + "?service_id=svc-db&plan_id=plan-small&operation=x%2By%20z%26q%3D1%2F%C3%A9");
    assertThat(requests().get(0).queryParameter("operation").firstValue()).isEqualTo("x+y z&q=1/é");
  }

  @Test
  @DisplayName("P-07/D-02/UB-01/P-01/F-03: query parameters of polls, deletes and fetches")
  void sendsTheRequiredQueryParameters() {
    stubEveryEndpoint();
    var client = WireMockBroker.client(wm);
    client.lastBindingOperation("i", "b", Bodies.poll(null));
    client.deprovision("i", Bodies.OFFERING);
    client.unbind("i", "b", Bodies.OFFERING);
    client.provision("i", Bodies.provision());
    client.fetchInstance("i", Optional.of(Bodies.OFFERING));
    client.fetchBinding("i", "b", Optional.empty());
    var urls = requests().stream().map(LoggedRequest::getUrl).toList();
    assertThat(urls)
        .containsExactly(
            "/v2/service_instances/i/service_bindings/b/last_operation"
                + "?service_id=svc-db&plan_id=plan-small",
            "/v2/service_instances/i?service_id=svc-db&plan_id=plan-small&accepts_incomplete=true",
            "/v2/service_instances/i/service_bindings/b"
                + "?service_id=svc-db&plan_id=plan-small&accepts_incomplete=true",
            "/v2/service_instances/i?accepts_incomplete=true",
            "/v2/service_instances/i?service_id=svc-db&plan_id=plan-small",
            "/v2/service_instances/i/service_bindings/b");
  }

  @Test
  @DisplayName("PR-04/PR-05/PR-06: provision body has context, org and space, no parameters key")
  void provisionBodyCarriesContextAndGuids() throws Exception {
    stubEveryEndpoint();
    WireMockBroker.client(wm).provision("i", Bodies.provision());
    var body = Bodies.JSON.readTree(requests().get(0).getBodyAsString());
    assertThat(body)
        .isEqualTo(
            Bodies.json(
                """
                {"service_id":"svc-db","plan_id":"plan-small","context":{"platform":"kubernetes",
                 "namespace":"shop","clusterid":"cluster-1","instance_name":"orders-db"},
                 "organization_guid":"cluster-1","space_guid":"shop"}"""));
  }

  @Test
  @DisplayName("H-16/H-15: vendor fields everywhere and a text/plain body are accepted")
  void ignoresUnknownFieldsAndContentType() {
    stubEveryEndpoint();
    wm.stubFor(
        get(urlPathEqualTo("/v2/service_instances/t"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/plain")
                    .withBody("{\"plan_id\":\"plan-small\",\"x_vendor\":{}}")));
    var client = WireMockBroker.client(wm);
    callEveryEndpoint(client);
    assertThat(client.fetchInstance("t", Optional.empty()).orElseThrow().planId())
        .contains("plan-small");
    assertThat(client.catalog().service("db").orElseThrow().plans()).hasSize(1);
  }
}
