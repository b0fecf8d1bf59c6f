package dev.catalog.osb;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The --verbose trace: method, URL, status, timing and request identity (H-13), nothing else. */
class HttpTraceTest {
  @RegisterExtension static WireMockExtension wm = WireMockBroker.extension();

  @Test
  @DisplayName("H-13: each exchange is traced with its request identity and the broker's echo")
  void tracesEachExchange() {
    wm.stubFor(
        put(urlPathMatching(".*"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("X-Broker-API-Request-Identity", "broker-side-id")
                    .withBody("{\"credentials\":{\"password\":\"binding-pw-123\"}}")));
    var events = new ArrayList<HttpExchange>();
    var text = new StringWriter();
    var printing = HttpTrace.printingTo(new PrintWriter(text));
    HttpTrace trace =
        e -> {
          events.add(e);
          printing.exchange(e);
        };
    var clock = new FakeClock();
    var client =
        BrokerClient.create(
            WireMockBroker.connection(wm),
            trace,
            new RecordingSleeper(clock),
            clock,
            RetryPolicy.NONE);
    var binding = client.bind("i-1", "b-1", Bodies.bind());

    assertThat(events).hasSize(1);
    var event = events.get(0);
    assertThat(event.method()).isEqualTo("PUT");
    assertThat(event.status()).isEqualTo(201);
    assertThat(event.echoedRequestId()).contains("broker-side-id");
    var sentId =
        wm.getAllServeEvents().get(0).getRequest().getHeader("X-Broker-API-Request-Identity");
    assertThat(event.requestId()).isEqualTo(sentId);
    assertThat(text.toString())
        .isEqualTo(
            "osb: PUT "
                + wm.baseUrl()
                + "/v2/service_instances/i-1/service_bindings/b-1?accepts_incomplete=true -> 201 ("
                + event.elapsed().toMillis()
                + " ms) request-id="
                + sentId
                + " broker-request-id=broker-side-id"
                + System.lineSeparator());
    assertThat(text.toString()).doesNotContain(WireMockBroker.PASSWORD, "binding-pw-123", "Basic");
    assertThat(binding.toString()).doesNotContain("binding-pw-123");
    assertThat(((OsbResult.Completed<BindingDetails>) binding).value().credentials().keys())
        .isEqualTo(List.of("password"));
  }
}
