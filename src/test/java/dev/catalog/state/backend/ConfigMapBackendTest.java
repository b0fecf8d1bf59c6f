package dev.catalog.state.backend;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.CatalogException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Failures before any Kubernetes API answers; the rest is proven on a real server (*IT). */
class ConfigMapBackendTest {
  @TempDir Path dir;

  @Test
  void missingKubeconfigIsNamedWithItsResolvedPath() {
    assertThatThrownBy(
            () -> ConfigMapBackend.fromSettings(Map.of("kubeconfig", "kube/missing.yaml"), dir))
        .isInstanceOf(CatalogException.class)
        .hasMessage(
            "configmap backend: kubeconfig "
                + dir.resolve("kube/missing.yaml")
                + " does not exist or cannot be read.");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void unreachableApiServerIsReportedWithWhatWasBeingDone() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Path kubeconfig = dir.resolve("kubeconfig.yaml");
    Files.writeString(
        kubeconfig,
        "apiVersion: v1\nkind: Config\ncurrent-context: gone\n"
            + "clusters: [{name: gone, cluster: {server: 'http://127.0.0.1:"
            + closedPort
            + "'}}]\n"
            + "contexts: [{name: gone, context: {cluster: gone, user: nobody}}]\n"
            + "users: [{name: nobody, user: {}}]\n");

    try (ConfigMapBackend backend =
        ConfigMapBackend.fromSettings(
            Map.of("kubeconfig", kubeconfig.toString(), "namespace", "shop"), dir)) {
      assertThatThrownBy(backend::read)
          .isInstanceOf(CatalogException.class)
          .hasMessage(
              "Cannot reach the Kubernetes API to read state ConfigMap shop/catalog-state:"
                  + " Connection refused");
    }
  }
}
