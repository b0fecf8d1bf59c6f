package dev.catalog.osb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.SensitiveJson;
import java.util.Objects;
import java.util.Optional;

/**
 * A binding as a 200/201 bind or a fetch returns it (checklist B-08, B-13, F-11). {@code endpoints}
 * and {@code volumeMounts} stay JSON, so port strings such as {@code "9000-9010"} survive (B-13).
 * {@code parameters} only come with a fetch.
 */
public record BindingDetails(
    SensitiveJson credentials,
    Optional<String> syslogDrainUrl,
    Optional<String> routeServiceUrl,
    Optional<JsonNode> volumeMounts,
    Optional<JsonNode> endpoints,
    Optional<JsonNode> parameters,
    Optional<JsonNode> metadata) {
  public BindingDetails {
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(syslogDrainUrl, "syslogDrainUrl");
    Objects.requireNonNull(routeServiceUrl, "routeServiceUrl");
    volumeMounts = volumeMounts.map(JsonNode::deepCopy);
    endpoints = endpoints.map(JsonNode::deepCopy);
    parameters = parameters.map(JsonNode::deepCopy);
    metadata = metadata.map(JsonNode::deepCopy);
  }
}
