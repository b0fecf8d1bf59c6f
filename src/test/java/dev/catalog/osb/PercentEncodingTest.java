package dev.catalog.osb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PercentEncodingTest {

  @Test
  @DisplayName("H-18: an id with a space and a slash becomes one path segment")
  void encodesSpaceAndSlashInIds() {
    assertThat(PercentEncoding.encode("a b/c")).isEqualTo("a%20b%2Fc");
  }

  @Test
  @DisplayName("H-18/P-05: an operation with +, space, &, =, / and non-ASCII round-trips")
  void operationRoundTrips() {
    var operation = "x+y z&q=1/é";
    var encoded = PercentEncoding.encode(operation);
    assertThat(encoded).isEqualTo("x%2By%20z%26q%3D1%2F%C3%A9");
    assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(operation);
  }

  @Test
  @DisplayName("H-19: UUIDs consist of unreserved characters and pass unchanged")
  void leavesUuidsAlone() {
    var id = UUID.randomUUID().toString();
    assertThat(PercentEncoding.encode(id)).isEqualTo(id).matches("^[A-Za-z0-9._~-]+$");
  }
}
