package dev.catalog.osb;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Everything needed to talk to one broker: base URL (may carry a path prefix such as {@code
 * http://host:8080/data}), {@code X-Broker-API-Version}, auth, TLS, timeouts, an optional
 * originating identity and the {@code User-Agent}.
 */
public record BrokerConnection(
    URI baseUrl,
    String apiVersion,
    BrokerAuth auth,
    TlsSettings tls,
    Duration connectTimeout,
    Duration requestTimeout,
    Optional<OriginatingIdentityHeader> originatingIdentity,
    String userAgent) {

  /** The OSB version this client implements (checklist H-01). */
  public static final String DEFAULT_API_VERSION = "2.17";

  /** The spec calls 60 s a typical timeout (checklist T-01). */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private static final Pattern API_VERSION = Pattern.compile("[0-9]+\\.[0-9]+");

  public BrokerConnection {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(originatingIdentity, "originatingIdentity");
    Objects.requireNonNull(userAgent, "userAgent");
    var scheme = baseUrl.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme) || baseUrl.getHost() == null) {
      throw new IllegalArgumentException("broker URL must be an absolute http(s) URL: " + baseUrl);
    }
    // Credentials in the URL would end up in traces and messages; they belong in auth.
    if (baseUrl.getRawUserInfo() != null) {
      throw new IllegalArgumentException("broker URL must not contain credentials; use auth");
    }
    if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "broker URL must not have a query or fragment: " + baseUrl);
    }
    if (!API_VERSION.matcher(apiVersion).matches()) {
      throw new IllegalArgumentException("apiVersion must be MAJOR.MINOR, got " + apiVersion);
    }
    if (connectTimeout.isNegative()
        || connectTimeout.isZero()
        || requestTimeout.isNegative()
        || requestTimeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    var path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    baseUrl = URI.create(scheme + "://" + baseUrl.getRawAuthority() + path);
  }

  /** A connection with the defaults: API 2.17, system TLS, 10 s connect, 60 s request timeout. */
  public static BrokerConnection of(URI baseUrl, BrokerAuth auth) {
    return new BrokerConnection(
        baseUrl,
        DEFAULT_API_VERSION,
        auth,
        TlsSettings.DEFAULT,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_REQUEST_TIMEOUT,
        Optional.empty(),
        defaultUserAgent());
  }

  public BrokerConnection withApiVersion(String version) {
    return new BrokerConnection(
        baseUrl,
        version,
        auth,
        tls,
        connectTimeout,
        requestTimeout,
        originatingIdentity,
        userAgent);
  }

  public BrokerConnection withTls(TlsSettings settings) {
    return new BrokerConnection(
        baseUrl,
        apiVersion,
        auth,
        settings,
        connectTimeout,
        requestTimeout,
        originatingIdentity,
        userAgent);
  }

  public BrokerConnection withTimeouts(Duration connect, Duration request) {
    return new BrokerConnection(
        baseUrl, apiVersion, auth, tls, connect, request, originatingIdentity, userAgent);
  }

  public BrokerConnection withOriginatingIdentity(OriginatingIdentityHeader identity) {
    return new BrokerConnection(
        baseUrl,
        apiVersion,
        auth,
        tls,
        connectTimeout,
        requestTimeout,
        Optional.of(identity),
        userAgent);
  }

  /** {@code catalog/<version>}, from the version Maven writes into the jar. */
  public static String defaultUserAgent() {
    try (InputStream in =
        BrokerConnection.class.getResourceAsStream("/catalog-version.properties")) {
      var props = new Properties();
      if (in != null) {
        props.load(in);
      }
      return "catalog/" + props.getProperty("version", "unknown");
    } catch (IOException e) {
      return "catalog/unknown";
    }
  }
}
