package dev.catalog.osb;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** One request to send: the operation (for retry rules and messages), its URL and JSON body. */
record BrokerRequest(
    OsbOperation operation, String resourceId, URI uri, Optional<JsonNode> body, int bodyLimit) {

  /** Most responses are small; 1 MiB is far above any spec-shaped body. */
  static final int DEFAULT_BODY_LIMIT = 1 << 20;

  /** Catalogs carry parameter schemas for every plan. */
  static final int CATALOG_BODY_LIMIT = 16 << 20;

  BrokerRequest {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(body, "body");
  }
}
