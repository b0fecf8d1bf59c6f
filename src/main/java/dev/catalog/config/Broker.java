package dev.catalog.config;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A service broker to talk to.
 *
 * @param name unique name, {@code [a-z0-9-]}, at most 63 characters
 * @param url OSB base URL (no trailing slash); {@code /v2/catalog} is appended to it
 * @param apiVersion the {@code X-Broker-API-Version} to send, {@code MAJOR.MINOR}
 * @param auth how to authenticate, or empty for none
 * @param tls certificate verification settings
 * @param originatingIdentity the {@code X-Broker-API-Originating-Identity} to send, if any
 * @param timeouts connect and request timeouts
 * @param concurrency how many operations may be in flight against this broker at once
 */
public record Broker(
    String name,
    URI url,
    String apiVersion,
    Optional<BrokerAuthRefs> auth,
    Tls tls,
    Optional<OriginatingIdentity> originatingIdentity,
    Timeouts timeouts,
    int concurrency,
    Source source) {
  /** The API version sent when none is configured. */
  public static final String DEFAULT_API_VERSION = "2.17";

  /** The concurrency when none is configured. */
  public static final int DEFAULT_CONCURRENCY = 10;

  public Broker {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(originatingIdentity, "originatingIdentity");
    Objects.requireNonNull(timeouts, "timeouts");
    Objects.requireNonNull(source, "source");
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1");
    }
  }

  /** Where the broker was declared. */
  public Location location() {
    return source.location();
  }
}
