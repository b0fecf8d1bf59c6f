package dev.catalog.config;

import java.util.Objects;

/**
 * The {@code X-Broker-API-Originating-Identity} header a broker receives: the platform name and a
 * JSON value that the header carries base64-encoded (OSB spec, "Originating Identity").
 */
public record OriginatingIdentity(String platform, ConfigObject value) {
  public OriginatingIdentity {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(value, "value");
  }
}
