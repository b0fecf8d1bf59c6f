package dev.catalog.osb;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The user behind a request, sent as {@code X-Broker-API-Originating-Identity: <platform>
 * <base64(json)>} (checklist H-08, OI-01..OI-06): standard Base64 with padding of a JSON object.
 */
public record OriginatingIdentityHeader(String platform, JsonNode value) {
  public OriginatingIdentityHeader {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(value, "value");
    if (platform.isEmpty() || platform.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "originating identity platform must be one non-empty word");
    }
    if (!value.isObject()) {
      throw new IllegalArgumentException("originating identity value must be a JSON object");
    }
    value = value.deepCopy();
  }

  /** The header value. */
  public String headerValue() {
    var json = value.toString().getBytes(StandardCharsets.UTF_8);
    return platform + " " + Base64.getEncoder().encodeToString(json);
  }
}
