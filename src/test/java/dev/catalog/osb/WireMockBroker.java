package dev.catalog.osb;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.catalog.Secret;
import java.net.URI;
import java.time.Duration;

/** Shared set-up for WireMock-backed client tests: a loopback server and a client for it. */
final class WireMockBroker {
  static final String USERNAME = "admin";
  static final String PASSWORD = "s3cr3t-broker-password";

  private WireMockBroker() {}

  static WireMockExtension extension() {
    return WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
        .build();
  }

  static BrokerConnection connection(WireMockExtension wm) {
    return BrokerConnection.of(
            URI.create(wm.baseUrl()), BrokerAuth.basic(USERNAME, Secret.of(PASSWORD)))
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
  }

  /** A client that never retries and never waits. */
  static BrokerClient client(WireMockExtension wm) {
    var clock = new FakeClock();
    return BrokerClient.create(
        connection(wm), HttpTrace.NONE, new RecordingSleeper(clock), clock, RetryPolicy.NONE);
  }
}
