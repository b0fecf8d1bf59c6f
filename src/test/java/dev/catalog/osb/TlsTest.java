package dev.catalog.osb;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.catalog.Secret;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** H-07: TLS to a broker with a self-signed certificate. */
class TlsTest {
  @TempDir static Path dir;
  private static WireMockServer server;
  private static Path caFile;

  @BeforeAll
  static void startHttpsBroker() throws Exception {
    var keystore = dir.resolve("broker.p12");
    caFile = dir.resolve("ca.pem");
    keytool(
        "-genkeypair",
        "-alias",
        "broker",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=127.0.0.1",
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        keystore.toString(),
        "-storepass",
        "changeit",
        "-keypass",
        "changeit");
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "broker",
        "-keystore",
        keystore.toString(),
        "-storepass",
        "changeit",
        "-file",
        caFile.toString());
    server =
        new WireMockServer(
            wireMockConfig()
                .dynamicPort()
                .dynamicHttpsPort()
                .bindAddress("127.0.0.1")
                .keystorePath(keystore.toString())
                .keystoreType("PKCS12")
                .keystorePassword("changeit")
                .keyManagerPassword("changeit"));
    server.start();
    server.stubFor(get("/v2/catalog").willReturn(okJson(Bodies.CATALOG)));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    var command =
        new java.util.ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
    command.addAll(List.of(args));
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    var output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }

  private static BrokerClient client(TlsSettings tls) {
    var clock = new FakeClock();
    var connection =
        BrokerConnection.of(
                URI.create("https://127.0.0.1:" + server.httpsPort()),
                BrokerAuth.basic("admin", Secret.of("pw")))
            .withTls(tls);
    return BrokerClient.create(
        connection, HttpTrace.NONE, new RecordingSleeper(clock), clock, RetryPolicy.DEFAULT);
  }

  @Test
  @DisplayName("H-07: a self-signed certificate is refused by default, without retries")
  void refusesSelfSignedCertificateByDefault() {
    var e =
        catchThrowableOfType(BrokerException.class, () -> client(TlsSettings.DEFAULT).catalog());
    assertThat(e.getMessage())
        .isEqualTo(
            "fetch catalog: TLS handshake with https://127.0.0.1:"
                + server.httpsPort()
                + " failed: the broker's certificate is not signed by a CA this catalog trusts;"
                + " set the broker's tls.caFile to the CA certificate that signed it [request "
                + e.requestId()
                + "]");
    assertThat(e.responseClass()).isEqualTo(ResponseClass.NOT_SENT);
  }

  @Test
  @DisplayName("H-07: the configured CA file makes the self-signed certificate trusted")
  void trustsTheConfiguredCaFile() {
    assertThat(client(TlsSettings.withCaFile(caFile)).catalog().services()).hasSize(1);
  }

  @Test
  @DisplayName("H-07: insecureSkipVerify, set explicitly, skips the certificate check")
  void insecureSkipVerifyAcceptsAnyCertificate() {
    assertThat(client(TlsSettings.insecure()).catalog().services()).hasSize(1);
  }
}
