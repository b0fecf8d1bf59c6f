package dev.catalog.state.backend.configmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.catalog.CatalogException;
import dev.catalog.testing.MisbehavingServer;
import dev.catalog.testing.MisbehavingServer.Behaviour;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster (or a proxy in front of it) that accepts and then stalls, or sends its answer a byte at
 * a time, ends as an error naming the cluster, the call and requestTimeout; fabric8's own timeout
 * restarts with each byte and it retries, so without the deadline this never ends (issue 19, item
 * 2). A raw socket server: the real kube-apiserver (ConfigMapBackendIT) never misbehaves so.
 */
@Timeout(60)
class ConfigMapStalledClusterTest {
  @TempDir Path dir;

  @Test
  void aClusterTricklingItsAnswerEndsAfterRequestTimeoutNamingTheClusterAndTheCall()
      throws Exception {
    try (var server = MisbehavingServer.start(Behaviour.TRICKLE)) {
      var failure = read(server);

      assertThat(failure.error().getMessage())
          .isEqualTo(
              "Kubernetes did not answer in time to read state ConfigMap shop/catalog-state: the"
                  + " cluster at http://127.0.0.1:"
                  + server.port()
                  + " sent no complete answer to GET"
                  + " /api/v1/namespaces/shop/configmaps/catalog-state within 2s (requestTimeout"
                  + " in the backend block; raise it if the server is only slow)");
      assertThat(failure.took()).isLessThan(Duration.ofSeconds(8));
    }
  }

  @Test
  void aClusterThatAcceptsAndSaysNothingEndsAfterRequestTimeout() throws Exception {
    try (var server = MisbehavingServer.start(Behaviour.STALL)) {
      var failure = read(server);

      assertThat(failure.error().getMessage())
          .isEqualTo(
              "Kubernetes did not answer in time to read state ConfigMap shop/catalog-state: the"
                  + " cluster at http://127.0.0.1:"
                  + server.port()
                  + " sent no complete answer to GET"
                  + " /api/v1/namespaces/shop/configmaps/catalog-state within 2s (requestTimeout"
                  + " in the backend block; raise it if the server is only slow)");
      assertThat(failure.took()).isLessThan(Duration.ofSeconds(8));
    }
  }

  private record Failure(CatalogException error, Duration took) {}

  private Failure read(MisbehavingServer server) throws IOException {
    var kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: stalled
          cluster: {server: "http://127.0.0.1:%d"}
        users:
        - name: u
          user: {token: not-a-real-token}
        contexts:
        - name: stalled
          context: {cluster: stalled, user: u, namespace: shop}
        current-context: stalled
        """
            .formatted(server.port()));
    try (var backend =
        ConfigMapBackend.fromSettings(
            Map.of(
                "kubeconfig", kubeconfig.toString(),
                "requestTimeout", "2s",
                "connectTimeout", "1s"),
            dir)) {
      // Only the call is timed: opening a first client loads fabric8 and Vert.x, seconds on a
      // loaded machine.
      long start = System.nanoTime();
      var error = catchThrowableOfType(CatalogException.class, backend::read);
      return new Failure(error, Duration.ofNanos(System.nanoTime() - start));
    }
  }
}
