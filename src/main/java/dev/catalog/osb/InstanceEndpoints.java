package dev.catalog.osb;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;

/** Provision, update, deprovision, poll and fetch of service instances (spec S:900-1900). */
final class InstanceEndpoints {
  private final BrokerHttp http;
  private final Clock clock;

  InstanceEndpoints(BrokerHttp http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  OsbResult<InstanceResponse> provision(String instanceId, ProvisionRequest body) {
    var request =
        request(
            OsbOperation.PROVISION,
            instanceId,
            instance(instanceId).query("accepts_incomplete", "true"),
            Optional.of(body.toJson()));
    var response = http.send(request);
    return switch (response.status()) {
      case 200, 201 ->
          new OsbResult.Completed<>(response.status(), instanceBody(request, response));
      case 202 -> Responses.accepted(request, response);
      default ->
          Responses.<InstanceResponse>refusal(
                  response,
                  EnumSet.of(
                      Refusal.ASYNC_REQUIRED,
                      Refusal.CONCURRENCY_ERROR,
                      Refusal.MAINTENANCE_INFO_CONFLICT,
                      Refusal.CONFLICT))
              .orElseThrow(() -> Responses.unexpected(request, response));
    };
  }

  OsbResult<InstanceResponse> update(String instanceId, UpdateRequest body) {
    var request =
        request(
            OsbOperation.UPDATE,
            instanceId,
            instance(instanceId).query("accepts_incomplete", "true"),
            Optional.of(body.toJson()));
    var response = http.send(request);
    return switch (response.status()) {
      case 200 -> new OsbResult.Completed<>(200, instanceBody(request, response));
      case 202 -> Responses.accepted(request, response);
      default ->
          Responses.<InstanceResponse>refusal(
                  response,
                  EnumSet.of(
                      Refusal.ASYNC_REQUIRED,
                      Refusal.CONCURRENCY_ERROR,
                      Refusal.MAINTENANCE_INFO_CONFLICT))
              .orElseThrow(() -> Responses.unexpected(request, response));
    };
  }

  OsbResult<NoContent> deprovision(String instanceId, OfferingIds offering) {
    var uri = instance(instanceId).offering(offering).query("accepts_incomplete", "true");
    var request = request(OsbOperation.DEPROVISION, instanceId, uri, Optional.empty());
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

  OsbResult<LastOperationResponse> lastOperation(String instanceId, LastOperationQuery query) {
    var uri = instance(instanceId).path("last_operation").offering(query.offering());
    query.operation().ifPresent(op -> uri.query("operation", op));
    var request = request(OsbOperation.POLL_INSTANCE, instanceId, uri, Optional.empty());
    return PollResponses.read(request, http.send(request), clock);
  }

  Optional<InstanceDetails> fetch(String instanceId, Optional<OfferingIds> hints) {
    var uri = instance(instanceId);
    hints.ifPresent(uri::offering);
    var request = request(OsbOperation.FETCH_INSTANCE, instanceId, uri, Optional.empty());
    var response = http.send(request);
    if (response.status() == 404) {
      // Not found, or still being provisioned (F-05): the caller knows which.
      return Optional.empty();
    }
    if (response.status() != 200) {
      throw Responses.unexpected(request, response);
    }
    var body = Responses.successBody(request, response);
    var maintenance = Responses.object(request, response, body, "maintenance_info");
    return Optional.of(
        new InstanceDetails(
            Responses.string(request, response, body, "service_id"),
            Responses.string(request, response, body, "plan_id"),
            Responses.string(request, response, body, "dashboard_url"),
            Responses.object(request, response, body, "parameters"),
            maintenance.flatMap(m -> Responses.string(request, response, m, "version")),
            Responses.object(request, response, body, "metadata")));
  }

  private InstanceResponse instanceBody(BrokerRequest request, BrokerResponse response) {
    var body = Responses.successBody(request, response);
    return new InstanceResponse(
        Responses.string(request, response, body, "dashboard_url"),
        Responses.object(request, response, body, "metadata"));
  }

  private RequestUri instance(String instanceId) {
    return RequestUri.under(http.connection().baseUrl())
        .path("v2/service_instances")
        .id(instanceId);
  }

  private static BrokerRequest request(
      OsbOperation operation,
      String id,
      RequestUri uri,
      Optional<com.fasterxml.jackson.databind.JsonNode> body) {
    return new BrokerRequest(operation, id, uri.build(), body, BrokerRequest.DEFAULT_BODY_LIMIT);
  }
}
