package dev.catalog.osb;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * E-01 and the matrix of checklist section 1.16: every endpoint against every status row of the
 * spec's tables, plus statuses no table lists (which must fail). 422 rows name the {@code error}.
 */
class StatusTableTest {
  @RegisterExtension static WireMockExtension wm = WireMockBroker.extension();

  /**
   * endpoint, then status=outcome pairs. Outcomes: completed, accepted, gone, absent (fetch 404),
   * refused:REFUSAL, fail:RESPONSE_CLASS.
   */
  private static final String[] TABLE = {
    "catalog 200=completed 201=fail:OTHER_2XX 202=fail:OTHER_2XX 204=fail:OTHER_2XX"
        + " 400=fail:OTHER_4XX 401=fail:OTHER_4XX 404=fail:OTHER_4XX 412=fail:OTHER_4XX"
        + " 500=fail:SERVER_ERROR 503=fail:SERVER_ERROR 302=fail:OTHER_STATUS",
    "provision 200=completed 201=completed 202=accepted 204=fail:OTHER_2XX 400=fail:OTHER_4XX"
        + " 401=fail:OTHER_4XX 404=fail:OTHER_4XX 408=fail:REQUEST_TIMEOUT 409=refused:CONFLICT"
        + " 410=fail:OTHER_4XX 412=fail:OTHER_4XX 422:AsyncRequired=refused:ASYNC_REQUIRED"
        + " 422:ConcurrencyError=refused:CONCURRENCY_ERROR"
        + " 422:MaintenanceInfoConflict=refused:MAINTENANCE_INFO_CONFLICT"
        + " 422:RequiresApp=fail:OTHER_4XX 422:Quota=fail:OTHER_4XX"
        + " 422:asyncrequired=fail:OTHER_4XX 500=fail:SERVER_ERROR 502=fail:SERVER_ERROR"
        + " 504=fail:SERVER_ERROR",
    "update 200=completed 201=fail:OTHER_2XX 202=accepted 204=fail:OTHER_2XX 400=fail:OTHER_4XX"
        + " 409=fail:OTHER_4XX 410=fail:OTHER_4XX 422:AsyncRequired=refused:ASYNC_REQUIRED"
        + " 422:ConcurrencyError=refused:CONCURRENCY_ERROR"
        + " 422:MaintenanceInfoConflict=refused:MAINTENANCE_INFO_CONFLICT"
        + " 422:Other=fail:OTHER_4XX 500=fail:SERVER_ERROR",
    "deprovision 200=completed 201=fail:OTHER_2XX 202=accepted 204=fail:OTHER_2XX"
        + " 400=fail:OTHER_4XX 404=fail:OTHER_4XX 409=fail:OTHER_4XX 410=gone"
        + " 422:AsyncRequired=refused:ASYNC_REQUIRED 422:ConcurrencyError=refused:CONCURRENCY_ERROR"
        + " 422:Other=fail:OTHER_4XX 500=fail:SERVER_ERROR",
    "pollInstance 200=completed 201=fail:OTHER_2XX 400=fail:OTHER_4XX 404=fail:OTHER_4XX"
        + " 410=gone 500=fail:SERVER_ERROR",
    "fetchInstance 200=completed 201=fail:OTHER_2XX 404=absent 400=fail:OTHER_4XX"
        + " 422:ConcurrencyError=fail:OTHER_4XX 500=fail:SERVER_ERROR",
    "bind 200=completed 201=completed 202=accepted 204=fail:OTHER_2XX 400=fail:OTHER_4XX"
        + " 404=fail:OTHER_4XX 409=refused:CONFLICT 410=fail:OTHER_4XX"
        + " 422:AsyncRequired=refused:ASYNC_REQUIRED 422:ConcurrencyError=refused:CONCURRENCY_ERROR"
        + " 422:RequiresApp=refused:REQUIRES_APP 422:MaintenanceInfoConflict=fail:OTHER_4XX"
        + " 500=fail:SERVER_ERROR",
    "unbind 200=completed 201=fail:OTHER_2XX 202=accepted 204=fail:OTHER_2XX 400=fail:OTHER_4XX"
        + " 410=gone 422:AsyncRequired=refused:ASYNC_REQUIRED"
        + " 422:ConcurrencyError=refused:CONCURRENCY_ERROR 500=fail:SERVER_ERROR",
    "pollBinding 200=completed 400=fail:OTHER_4XX 404=fail:OTHER_4XX 410=gone"
        + " 500=fail:SERVER_ERROR",
    "fetchBinding 200=completed 202=fail:OTHER_2XX 404=absent 400=fail:OTHER_4XX"
        + " 500=fail:SERVER_ERROR",
  };

  static Stream<Arguments> rows() {
    return Stream.of(TABLE)
        .flatMap(
            line -> {
              var parts = line.split(" ");
              return Stream.of(parts)
                  .skip(1)
                  .map(
                      pair -> {
                        var kv = pair.split("=");
                        var status = kv[0].split(":");
                        return Arguments.of(
                            parts[0],
                            Integer.parseInt(status[0]),
                            status.length > 1 ? status[1] : "",
                            kv[1]);
                      });
            });
  }

  @ParameterizedTest(name = "E-01/E-03/EC-06: {0} answered {1} {2} -> {3}")
  @MethodSource("rows")
  void mapsEachStatusAsTheSpecTableSays(
      String endpoint, int status, String errorCode, String expected) {
    var body =
        errorCode.isEmpty()
            ? successBody(endpoint, status)
            : "{\"error\":\"" + errorCode + "\",\"description\":\"anything\"}";
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withBody(body)));
    var client = WireMockBroker.client(wm);
    String actual;
    try {
      actual = describe(call(endpoint).apply(client));
    } catch (BrokerException e) {
      actual = "fail:" + e.responseClass();
      assertThat(e.status()).isEqualTo(status);
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(wm.getAllServeEvents()).hasSize(1);
  }

  private static String successBody(String endpoint, int status) {
    if (status == 202) {
      return "{\"operation\":\"op\"}";
    }
    return switch (endpoint) {
      case "catalog" -> Bodies.CATALOG;
      case "pollInstance", "pollBinding" -> "{\"state\":\"succeeded\"}";
      case "bind", "fetchBinding" -> "{\"credentials\":{\"password\":\"p\"}}";
      default -> "{}";
    };
  }

  private static Function<BrokerClient, Object> call(String endpoint) {
    return switch (endpoint) {
      case "catalog" -> BrokerClient::catalog;
      case "provision" -> c -> c.provision("i", Bodies.provision());
      case "update" -> c -> c.update("i", Bodies.update());
      case "deprovision" -> c -> c.deprovision("i", Bodies.OFFERING);
      case "pollInstance" -> c -> c.lastInstanceOperation("i", Bodies.poll("op"));
      case "fetchInstance" -> c -> c.fetchInstance("i", Optional.empty());
      case "bind" -> c -> c.bind("i", "b", Bodies.bind());
      case "unbind" -> c -> c.unbind("i", "b", Bodies.OFFERING);
      case "pollBinding" -> c -> c.lastBindingOperation("i", "b", Bodies.poll("op"));
      case "fetchBinding" -> c -> c.fetchBinding("i", "b", Optional.empty());
      default -> throw new IllegalArgumentException(endpoint);
    };
  }

  private static String describe(Object result) {
    if (result instanceof Optional<?> optional) {
      return optional.isPresent() ? "completed" : "absent";
    }
    if (result instanceof OsbResult.Refused<?> refused) {
      return "refused:" + refused.refusal();
    }
    if (result instanceof OsbResult<?> osb) {
      return osb.kind().name().toLowerCase();
    }
    return "completed"; // the catalog
  }
}
