package dev.catalog.sink;

import static dev.catalog.sink.KubernetesSecretSinkIT.PASSWORD;
import static dev.catalog.sink.KubernetesSecretSinkIT.credentials;
import static dev.catalog.sink.KubernetesSecretSinkIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.state.Address;
import dev.catalog.state.SinkDescription;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {
  static final String LINEAGE = "5b0e7a5e-1111-4222-8333-944455556666";

  @Test
  void neverPrintsItsValues() {
    var key = FingerprintKey.choose(Map.of(FingerprintKey.ENV, "k3y-material"), LINEAGE);

    assertThat(credentials().toString()).isEqualTo("(sensitive)");
    assertThat(String.valueOf(new Object[] {credentials()}.length)).isEqualTo("1");
    assertThat(key.toString()).isEqualTo("FingerprintKey[from environment]").doesNotContain("k3y");
  }

  @Test
  void fingerprintIgnoresKeyOrderAndDependsOnTheKey() {
    var lineageKey = FingerprintKey.choose(Map.of(), LINEAGE);
    var envKey = FingerprintKey.choose(Map.of(FingerprintKey.ENV, "k3y-material"), LINEAGE);
    var ab = Credentials.of(json("{\"a\":\"1\",\"b\":{\"y\":2,\"x\":1}}"));
    var ba = Credentials.of(json("{\"b\":{\"x\":1,\"y\":2},\"a\":\"1\"}"));

    assertThat(ab.fingerprint(lineageKey)).isEqualTo(ba.fingerprint(lineageKey));
    assertThat(ab.fingerprint(lineageKey)).isNotEqualTo(ab.fingerprint(envKey));
    assertThat(ab.fingerprint(lineageKey)).matches("hmac-sha256:[0-9a-f]{64}");
    assertThat(lineageKey.source()).isEqualTo("lineage");
    assertThat(FingerprintKey.choose(Map.of(FingerprintKey.ENV, "  "), LINEAGE).source())
        .isEqualTo("lineage");
  }

  @Test
  void aDeliveryKeepsOnlyWhereTheCredentialsWentAndTheirFingerprint(@TempDir Path dir) {
    var key = FingerprintKey.choose(Map.of(), LINEAGE);
    var target =
        new dev.catalog.config.CredentialsTarget.FileTarget(
            dir.resolve("c.json"),
            "c.json",
            "0600",
            dev.catalog.config.CredentialsTarget.FileFormat.JSON);
    var sink = new CredentialSinks(context -> null).forTarget(target);

    Delivery delivery = CredentialSinks.deliver(Address.binding("app"), credentials(), sink, key);

    assertThat(delivery.sink())
        .isEqualTo(new SinkDescription.File(dir.resolve("c.json").toString()));
    assertThat(delivery.fingerprint()).isEqualTo(credentials().fingerprint(key));
    assertThat(delivery.toString()).doesNotContain(PASSWORD);
  }
}
