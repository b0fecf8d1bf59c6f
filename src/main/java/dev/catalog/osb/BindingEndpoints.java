package dev.catalog.osb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.SensitiveJson;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;

/** Bind, unbind, poll and fetch of service bindings (spec S:1300-1810). */
final class BindingEndpoints {
  private final BrokerHttp http;
  private final Clock clock;

  BindingEndpoints(BrokerHttp http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  OsbResult<BindingDetails> bind(String instanceId, String bindingId, BindRequest body) {
    var uri = binding(instanceId, bindingId);
    if (body.acceptsIncomplete()) {
      uri.query("accepts_incomplete", "true");
    }
    var request = request(OsbOperation.BIND, bindingId, uri, Optional.of(body.toJson()));
    var response = http.send(request);
    return switch (response.status()) {
      case 200, 201 ->
          new OsbResult.Completed<>(
              response.status(),
              details(request, response, Responses.successBody(request, response)));
      case 202 -> {
        if (!body.acceptsIncomplete()) {
          // A 202 to a request that did not allow it is invalid (checklist P-03).
          throw Responses.malformed(request, response, "202 without accepts_incomplete=true");
        }
        // Credentials in a 202 are ignored: brokers MUST NOT send them (B-15).
        var accepted = Responses.successBody(request, response);
        yield new OsbResult.Accepted<>(
            Responses.operation(request, response, accepted), Optional.empty());
      }
      default ->
          Responses.<BindingDetails>refusal(
                  response,
                  EnumSet.of(
                      Refusal.ASYNC_REQUIRED,
                      Refusal.CONCURRENCY_ERROR,
                      Refusal.REQUIRES_APP,
                      Refusal.CONFLICT))
              .orElseThrow(() -> Responses.unexpected(request, response));
    };
  }

  OsbResult<NoContent> unbind(String instanceId, String bindingId, OfferingIds offering) {
    var uri = binding(instanceId, bindingId).offering(offering).query("accepts_incomplete", "true");
    var request = request(OsbOperation.UNBIND, bindingId, uri, Optional.empty());
    var response = http.send(request);
    return switch (response.status()) {
      case 200 -> {
        Responses.successBody(request, response);
        yield new OsbResult.Completed<>(200, NoContent.INSTANCE);
      }
      case 202 -> Responses.accepted(request, response);
      case 410 -> new OsbResult.Gone<>();
      default ->
          Responses.<NoContent>refusal(
                  response, EnumSet.of(Refusal.ASYNC_REQUIRED, Refusal.CONCURRENCY_ERROR))
              .orElseThrow(() -> Responses.unexpected(request, response));
    };
  }

  OsbResult<LastOperationResponse> lastOperation(
      String instanceId, String bindingId, LastOperationQuery query) {
    var uri = binding(instanceId, bindingId).path("last_operation").offering(query.offering());
    query.operation().ifPresent(op -> uri.query("operation", op));
    var request = request(OsbOperation.POLL_BINDING, bindingId, uri, Optional.empty());
    return PollResponses.read(request, http.send(request), clock);
  }

  Optional<BindingDetails> fetch(String instanceId, String bindingId, Optional<OfferingIds> hints) {
    var uri = binding(instanceId, bindingId);
    hints.ifPresent(uri::offering);
    var request = request(OsbOperation.FETCH_BINDING, bindingId, uri, Optional.empty());
    var response = http.send(request);
    if (response.status() == 404) {
      return Optional.empty(); // absent, or still being bound (F-08)
    }
    if (response.status() != 200) {
      throw Responses.unexpected(request, response);
    }
    return Optional.of(details(request, response, Responses.successBody(request, response)));
  }

  private static BindingDetails details(
      BrokerRequest request, BrokerResponse response, JsonNode body) {
    var credentials =
        Responses.object(request, response, body, "credentials")
            .map(BindingEndpoints::credentials)
            .orElse(SensitiveJson.EMPTY);
    return new BindingDetails(
        credentials,
        Responses.string(request, response, body, "syslog_drain_url"),
        Responses.string(request, response, body, "route_service_url"),
        Responses.array(request, response, body, "volume_mounts"),
        Responses.array(request, response, body, "endpoints"),
        Responses.object(request, response, body, "parameters"),
        Responses.object(request, response, body, "metadata"));
  }

  private RequestUri binding(String instanceId, String bindingId) {
    return RequestUri.under(http.connection().baseUrl())
        .path("v2/service_instances")
        .id(instanceId)
        .path("service_bindings")
        .id(bindingId);
  }

  private static BrokerRequest request(
      OsbOperation operation, String id, RequestUri uri, Optional<JsonNode> body) {
    return new BrokerRequest(operation, id, uri.build(), body, BrokerRequest.DEFAULT_BODY_LIMIT);
  }

  private static SensitiveJson credentials(JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("credentials must be a JSON object");
    }
    return SensitiveJson.of((ObjectNode) node);
  }
}
