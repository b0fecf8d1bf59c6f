package dev.catalog.osb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Optional;
import java.util.Set;

/**
 * Turns responses into results or failures, shared by every endpoint: the generic mapper of
 * STYLE.md section 5, refusal codes (checklist E-03) and success-body checks (PR-15).
 */
final class Responses {
  /** The spec's limit on {@code operation} (S:1008). */
  static final int MAX_OPERATION_LENGTH = 10_000;

  private Responses() {}

  /**
   * A status the operation does not accept, as a failure with the broker's error body. A 2xx that
   * gets here is one the endpoint's table does not list, so "other 2xx" (a 201 on PATCH).
   */
  static BrokerException unexpected(BrokerRequest request, BrokerResponse response) {
    var status = response.status();
    var cls =
        status >= 200 && status < 300 ? ResponseClass.OTHER_2XX : ResponseClass.ofStatus(status);
    var b =
        builder(request, response).status(status, cls).error(BrokerErrorBody.of(response.json()));
    return BrokerException.status(b);
  }

  /** An accepted status whose body breaks the spec. */
  static BrokerException malformed(BrokerRequest request, BrokerResponse response, String problem) {
    var b =
        builder(request, response)
            .status(response.status(), ResponseClass.malformed(response.status()));
    return BrokerException.malformed(b, problem);
  }

  /**
   * A refusal the caller reacts to: 422 with a known {@code error} (matched exactly), or 409 on a
   * PUT. Only the refusals in {@code accepted} count; others stay failures.
   */
  static <T> Optional<OsbResult<T>> refusal(BrokerResponse response, Set<Refusal> accepted) {
    var body = BrokerErrorBody.of(response.json());
    Optional<Refusal> refusal = Optional.empty();
    if (response.status() == 422 || response.status() == 409) {
      refusal = body.error().flatMap(Refusal::ofErrorCode).filter(accepted::contains);
    }
    if (refusal.isEmpty() && response.status() == 409 && accepted.contains(Refusal.CONFLICT)) {
      refusal = Optional.of(Refusal.CONFLICT);
    }
    return refusal.map(r -> new OsbResult.Refused<T>(r, response.status(), body.description()));
  }

  /** The body of a success: a JSON object; an empty body counts as {@code {}} (E-02). */
  static JsonNode successBody(BrokerRequest request, BrokerResponse response) {
    if (response.oversized()) {
      throw malformed(request, response, "larger than " + request.bodyLimit() + " bytes");
    }
    if (response.emptyBody()) {
      return JsonNodeFactory.instance.objectNode();
    }
    var json = response.json();
    if (json.isEmpty()) {
      throw malformed(request, response, "not JSON");
    }
    if (!json.get().isObject()) {
      throw malformed(request, response, "not a JSON object");
    }
    return json.get();
  }

  /** A string field that may be absent or null. */
  static Optional<String> string(
      BrokerRequest request, BrokerResponse response, JsonNode body, String field) {
    var value = body.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw malformed(request, response, field + " is not a string");
    }
    return Optional.of(value.asText());
  }

  /** An object field that may be absent or null. */
  static Optional<JsonNode> object(
      BrokerRequest request, BrokerResponse response, JsonNode body, String field) {
    return node(request, response, body, field, JsonNode::isObject, "an object");
  }

  /** An array field that may be absent or null. */
  static Optional<JsonNode> array(
      BrokerRequest request, BrokerResponse response, JsonNode body, String field) {
    return node(request, response, body, field, JsonNode::isArray, "an array");
  }

  /** The {@code operation} of a 202, at most 10,000 characters (PR-15). */
  static Optional<String> operation(BrokerRequest request, BrokerResponse response, JsonNode body) {
    var operation = string(request, response, body, "operation");
    if (operation.isPresent() && operation.get().length() > MAX_OPERATION_LENGTH) {
      throw malformed(request, response, "operation is longer than 10000 characters");
    }
    return operation;
  }

  /** A 202 for a provision, update or delete. */
  static <T> OsbResult<T> accepted(BrokerRequest request, BrokerResponse response) {
    var body = successBody(request, response);
    return new OsbResult.Accepted<>(
        operation(request, response, body), string(request, response, body, "dashboard_url"));
  }

  private static Optional<JsonNode> node(
      BrokerRequest request,
      BrokerResponse response,
      JsonNode body,
      String field,
      java.util.function.Predicate<JsonNode> ok,
      String what) {
    var value = body.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!ok.test(value)) {
      throw malformed(request, response, field + " is not " + what);
    }
    return Optional.of(value);
  }

  private static BrokerException.Builder builder(BrokerRequest request, BrokerResponse response) {
    return BrokerException.builder(request.operation(), request.resourceId(), response.requestId())
        .broker(response.broker());
  }
}
