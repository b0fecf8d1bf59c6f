package dev.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Secret sink naming a context the kubeconfig lacks is bad input (issue 13 item 6): exit 1, the
 * place in the file, and not one connection to the broker or to any cluster of the kubeconfig.
 */
@Timeout(60)
class UnknownContextTest {
  @TempDir Path dir;

  @Test
  void applyWithAnUnknownContextExitsOneNamingItsPlaceAndConnectsToNothing() throws IOException {
    try (var broker = listener();
        var cluster = listener()) {
      var kubeconfig =
          Files.writeString(
              dir.resolve("kubeconfig.yaml"),
              """
              apiVersion: v1
              kind: Config
              clusters: [ { name: east, cluster: { server: "https://127.0.0.1:%d" } } ]
              users: [ { name: ci, user: { token: not-a-real-token } } ]
              contexts: [ { name: east, context: { cluster: east, user: ci } } ]
              current-context: east
              """
                  .formatted(cluster.getLocalPort()));
      var config =
          Files.writeString(
              dir.resolve("catalog.yaml"),
              """
              apiVersion: catalog/v1
              brokers:
                - name: data
                  url: http://127.0.0.1:%d
              instances:
                - { name: orders-db, broker: data, service: db, plan: small }
              bindings:
                - name: orders-app
                  instance: orders-db
                  credentials:
                    secret: { context: esat, namespace: shop, name: orders-db }
              """
                  .formatted(broker.getLocalPort()));

      var run =
          CliRun.run(
              Map.of("KUBECONFIG", kubeconfig.toString()),
              "apply",
              "--auto-approve",
              "-f",
              config.toString());

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out()).isEmpty();
      assertThat(run.err())
          .isEqualTo(
              config
                  + ":11:26: bindings[0].credentials.secret.context: unknown context \"esat\":"
                  + " kubeconfig "
                  + kubeconfig
                  + " defines east; did you mean \"east\"?\n1 error.\n");
      assertThat(accepted(broker)).as("connections to the broker").isFalse();
      assertThat(accepted(cluster)).as("connections to the cluster").isFalse();
    }
  }

  private static ServerSocket listener() throws IOException {
    var socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    socket.setSoTimeout(200);
    return socket;
  }

  private static boolean accepted(ServerSocket socket) throws IOException {
    try (var connection = socket.accept()) {
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    }
  }
}
