package dev.catalog.osb;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Request bodies are exactly the spec's fields (H-17) and binding responses are read right. */
class RequestBodiesTest {
  @RegisterExtension static WireMockExtension wm = WireMockBroker.extension();

  private static JsonNode sentBody() throws Exception {
    return Bodies.JSON.readTree(wm.getAllServeEvents().get(0).getRequest().getBodyAsString());
  }

  @Test
  @DisplayName("U-03/U-06/U-08/U-09/U-11/PR-07: update body with plan change and previous values")
  void updateBodyCarriesOnlyWhatChanged() throws Exception {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
    var update =
        new UpdateRequest(
            "svc",
            Optional.of("plan-b"),
            Bodies.context(),
            Optional.empty(),
            Optional.of("2.0.0"),
            Optional.of("plan-a"),
            Optional.of("1.0.0"));
    WireMockBroker.client(wm).update("i", update);
    assertThat(sentBody())
        .isEqualTo(
            Bodies.json(
                """
                {"service_id":"svc","plan_id":"plan-b","context":{"platform":"kubernetes",
                 "namespace":"shop","clusterid":"cluster-1","instance_name":"orders-db"},
                 "maintenance_info":{"version":"2.0.0"},
                 "previous_values":{"plan_id":"plan-a","maintenance_info":{"version":"1.0.0"}}}"""));
  }

  @Test
  @DisplayName("B-04/B-06/EC-03/BR-02: bind body with app_guid in both places and predecessor")
  void bindBodyCarriesAppGuidTwiceAndPredecessor() throws Exception {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201).withBody("{}")));
    var bind =
        new BindRequest(
            "svc",
            "plan",
            Bodies.context(),
            Optional.of("app-1"),
            Optional.empty(),
            Optional.of(Bodies.json("{\"role\":\"ro\"}")),
            Optional.of("old-b"),
            true);
    WireMockBroker.client(wm).bind("i", "b", bind);
    assertThat(sentBody())
        .isEqualTo(
            Bodies.json(
                """
{"service_id":"svc","plan_id":"plan","context":{"platform":"kubernetes",
 "namespace":"shop","clusterid":"cluster-1","instance_name":"orders-db"},
 "app_guid":"app-1","bind_resource":{"app_guid":"app-1"},"parameters":{"role":"ro"},
 "predecessor_binding_id":"old-b"}"""));
  }

  @Test
  @DisplayName("B-13: endpoint ports are strings, ranges included, and survive as sent")
  void endpointPortsStayStrings() {
    wm.stubFor(
        put(urlPathMatching(".*"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withBody(
                        "{\"credentials\":{},\"endpoints\":[{\"host\":\"h\",\"ports\":[\"3306\",\"9000-9010\"]}]}")));
    var bound =
        (OsbResult.Completed<BindingDetails>)
            WireMockBroker.client(wm).bind("i", "b", Bodies.bind());
    assertThat(bound.value().endpoints().orElseThrow().at("/0/ports/1").asText())
        .isEqualTo("9000-9010");
  }

  @Test
  @DisplayName("B-15: credentials in a 202 are ignored; only the operation is kept")
  void acceptedBindIgnoresCredentials() {
    wm.stubFor(
        put(urlPathMatching(".*"))
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withBody(
                        "{\"operation\":\"bind-1\",\"credentials\":{\"password\":\"leaked\"}}")));
    var result = WireMockBroker.client(wm).bind("i", "b", Bodies.bind());
    assertThat(result)
        .isEqualTo(new OsbResult.Accepted<BindingDetails>(Optional.of("bind-1"), Optional.empty()));
  }

  @Test
  @DisplayName("P-03: a 202 to a bind sent without accepts_incomplete is invalid")
  void acceptedWithoutAcceptsIncompleteIsMalformed() {
    wm.stubFor(put(urlPathMatching(".*")).willReturn(aResponse().withStatus(202).withBody("{}")));
    var e =
        catchThrowableOfType(
            BrokerException.class,
            () ->
                WireMockBroker.client(wm)
                    .bind("i", "b", Bodies.bind().withAcceptsIncomplete(false)));
    assertThat(e.getMessage())
        .isEqualTo(
            "bind binding \"b\": broker returned 202 Accepted with a"
                + " malformed body: 202 without accepts_incomplete=true [request "
                + e.requestId()
                + "]");
    assertThat(wm.getAllServeEvents().get(0).getRequest().getUrl())
        .isEqualTo("/v2/service_instances/i/service_bindings/b");
    assertThat(OrphanMitigationTable.decide(e)).isEqualTo(Mitigation.BINDING);
  }
}
