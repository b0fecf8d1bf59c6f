package dev.catalog.osb;

import java.time.Clock;
import java.util.Optional;

/** Reads {@code last_operation} responses for instances and bindings alike. */
final class PollResponses {
  private PollResponses() {}

  /**
   * 200 with a known state is a result; 410 is {@link OsbResult.Gone} (success only while deleting,
   * the poller decides: P-16..P-19); a missing or unknown state is malformed (P-12).
   */
  static OsbResult<LastOperationResponse> read(
      BrokerRequest request, BrokerResponse response, Clock clock) {
    if (response.status() == 410) {
      return new OsbResult.Gone<>();
    }
    if (response.status() != 200) {
      throw Responses.unexpected(request, response);
    }
    var body = Responses.successBody(request, response);
    var stateText = Responses.string(request, response, body, "state");
    if (stateText.isEmpty()) {
      throw Responses.malformed(request, response, "state is missing");
    }
    var state = PolledState.ofWire(stateText.get());
    if (state.isEmpty()) {
      throw Responses.malformed(request, response, "unknown state \"" + stateText.get() + "\"");
    }
    var errorFields = BrokerErrorBody.of(Optional.of(body));
    var operation =
        new LastOperationResponse(
            state.get(),
            Responses.string(request, response, body, "description"),
            response.header("Retry-After").flatMap(v -> RetryAfter.parse(v, clock)),
            errorFields.instanceUsable(),
            errorFields.updateRepeatable());
    return new OsbResult.Completed<>(200, operation);
  }
}
