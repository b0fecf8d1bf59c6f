package dev.catalog.osb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.catalog.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A broker (or a stalled proxy) that sends the response headers at once and then the body a byte
 * at a time: {@code timeouts.request} bounds the whole exchange, not only the headers (issue 19).
 * A raw socket server, since neither the reference broker nor WireMock stalls a body on demand.
 */
@Timeout(30)
class TricklingBodyTest {
  private ServerSocket server;
  private Thread serving;

  @BeforeEach
  void start() throws IOException {
    server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    serving = new Thread(this::serve, "trickling-broker");
    serving.setDaemon(true);
    serving.start();
  }

  @AfterEach
  void stop() throws IOException, InterruptedException {
    server.close();
    serving.join(5_000);
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        skipRequestHeaders(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        out.write(
            ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        for (int i = 0; i < 600; i++) {
          Thread.sleep(50);
          out.write(' ');
          out.flush();
        }
      } catch (IOException | InterruptedException closed) {
        // The client gave up (as it should) or the test is over.
      }
    }
  }

  private static void skipRequestHeaders(InputStream in) throws IOException {
    int matched = 0;
    var end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        return;
      }
      matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
    }
  }

  @Test
  void aBodyTricklingInAfterTheHeadersEndsAsATimeoutNamingTheLimit() {
    var url = URI.create("http://127.0.0.1:" + server.getLocalPort());
    var connection =
        BrokerConnection.of(url, BrokerAuth.basic("admin", Secret.of("pw-trickle")))
            .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1));
    var clock = new FakeClock();
    var client =
        BrokerClient.create(
            connection, HttpTrace.NONE, new RecordingSleeper(clock), clock, RetryPolicy.NONE);

    var e = catchThrowableOfType(BrokerException.class, client::catalog);

    assertThat(e.getMessage())
        .isEqualTo(
            "fetch catalog: no complete response within 1s (timeouts.request) [request "
                + e.requestId()
                + "]");
    assertThat(e.status()).isZero();
  }
}
