package dev.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Brokers that are down: their catalogs are asked for at once, each retry is announced, and every
 * broker that cannot be reached is reported, not only the first (issue 19, item 8).
 */
@Timeout(60)
class UnreachableBrokersTest {
  @TempDir Path dir;

  private static int closedPort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void everyUnreachableBrokerIsReportedAndEachRetryIsAnnounced() throws IOException {
    int a = closedPort();
    int b = closedPort();
    var config =
        Files.writeString(
            dir.resolve("catalog.yaml"),
            """
            apiVersion: catalog/v1
            brokers:
              - name: alpha
                url: http://127.0.0.1:%d
              - name: beta
                url: http://127.0.0.1:%d
            instances:
              - { name: one, broker: alpha, service: db, plan: small }
              - { name: two, broker: beta, service: db, plan: small }
            """
                .formatted(a, b));

    var run = CliRun.run(Map.of(), "plan", "-f", config.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    for (var broker : Map.of("alpha", a, "beta", b).entrySet()) {
      for (int attempt = 2; attempt <= 4; attempt++) {
        assertThat(run.err())
            .containsPattern(
                "(?m)^broker \"%s\": fetch catalog: cannot connect to http://127\\.0\\.0\\.1:%d:"
                        .formatted(broker.getKey(), broker.getValue())
                    + " connection refused; retrying in \\d+(ms|s), attempt "
                    + attempt
                    + "/4$");
      }
    }
    assertThat(run.err())
        .containsPattern(
            "(?m)^Error: 2 brokers cannot be read:\n"
                + "  broker \"alpha\": cannot read its catalog: fetch catalog: cannot connect to"
                + " http://127\\.0\\.0\\.1:"
                + a
                + ": connection refused \\[request [0-9a-f-]+\\]\n"
                + "  broker \"beta\": cannot read its catalog: fetch catalog: cannot connect to"
                + " http://127\\.0\\.0\\.1:"
                + b
                + ": connection refused \\[request [0-9a-f-]+\\]\n\\z");
  }
}
