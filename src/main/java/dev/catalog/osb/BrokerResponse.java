package dev.catalog.osb;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * A response as the endpoints see it: status, headers, and the body parsed as JSON whatever the
 * {@code Content-Type} says (checklist H-15), or empty if it was empty, not JSON or too large.
 * {@code broker} is the configured name of the broker that sent it, empty when not known.
 */
record BrokerResponse(
    int status,
    HttpHeaders headers,
    Optional<JsonNode> json,
    boolean emptyBody,
    boolean oversized,
    String requestId,
    String broker) {

  /** The body as an object, if it is one. */
  Optional<JsonNode> object() {
    return json.filter(JsonNode::isObject);
  }

  Optional<String> header(String name) {
    return headers.firstValue(name);
  }
}
