package dev.catalog.osb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * A synchronous provision or update response (checklist PR-08, U-14). An absent {@code
 * dashboardUrl} after an update means "keep the previous value" (U-15).
 */
public record InstanceResponse(Optional<String> dashboardUrl, Optional<JsonNode> metadata) {
  public InstanceResponse {
    Objects.requireNonNull(dashboardUrl, "dashboardUrl");
    metadata = metadata.map(JsonNode::deepCopy);
  }
}
