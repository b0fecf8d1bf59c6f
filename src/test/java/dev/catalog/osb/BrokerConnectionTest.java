package dev.catalog.osb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.Secret;
import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BrokerConnectionTest {
  private static final BrokerAuth AUTH = BrokerAuth.basic("admin", Secret.of("pw-in-connection"));

  @Test
  void keepsThePlatformPrefixAndDropsATrailingSlash() {
    var connection = BrokerConnection.of(URI.create("http://127.0.0.1:8080/data/"), AUTH);
    assertThat(connection.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8080/data"));
    assertThat(connection.apiVersion()).isEqualTo("2.17");
    assertThat(connection.userAgent()).startsWith("catalog/");
  }

  @Test
  void refusesCredentialsInTheUrl() {
    assertThatThrownBy(() -> BrokerConnection.of(URI.create("http://u:p@host/"), AUTH))
        .hasMessage("broker URL must not contain credentials; use auth");
  }

  @Test
  @DisplayName("H-02: the API version must be MAJOR.MINOR")
  void refusesMalformedApiVersions() {
    var connection = BrokerConnection.of(URI.create("http://host"), AUTH);
    assertThatThrownBy(() -> connection.withApiVersion("2.17.1"))
        .hasMessage("apiVersion must be MAJOR.MINOR, got 2.17.1");
  }

  @Test
  void printsNoSecrets() {
    var connection = BrokerConnection.of(URI.create("http://host"), AUTH);
    assertThat(connection.toString()).contains("(sensitive)").doesNotContain("pw-in-connection");
    assertThat(BrokerAuth.bearer(Secret.of("tok-123")).toString()).doesNotContain("tok-123");
  }

  @Test
  @DisplayName("OI-02/OI-03: the platform is one non-empty word and the value a JSON object")
  void originatingIdentityNeedsPlatformWordAndObject() {
    var user = Bodies.json("{\"user_id\":\"u\"}");
    assertThatThrownBy(() -> new OriginatingIdentityHeader("", user))
        .hasMessage("originating identity platform must be one non-empty word");
    assertThatThrownBy(() -> new OriginatingIdentityHeader("cloud foundry", user))
        .hasMessage("originating identity platform must be one non-empty word");
    assertThatThrownBy(() -> new OriginatingIdentityHeader("cloudfoundry", Bodies.json("[1]")))
        .hasMessage("originating identity value must be a JSON object");
    assertThat(new OriginatingIdentityHeader("cloudfoundry", user).headerValue())
        .isEqualTo("cloudfoundry eyJ1c2VyX2lkIjoidSJ9");
  }
}
