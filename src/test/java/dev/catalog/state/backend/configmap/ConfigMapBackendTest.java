package dev.catalog.state.backend.configmap;

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
            "kubeconfig "
                + dir.resolve("kube/missing.yaml")
                + " of the configmap state backend does not exist or cannot be read");
  }

  @Test
  void contextMissingFromTheKubeconfigIsAnErrorNotAFallbackToAnotherCluster() throws IOException {
    Path kubeconfig = dir.resolve("kubeconfig.yaml");
    Files.writeString(
        kubeconfig,
        "apiVersion: v1\nkind: Config\ncurrent-context: staging\n"
            + "clusters: [{name: staging, cluster: {server: 'https://127.0.0.1:1'}}]\n"
            + "contexts: [{name: staging, context: {cluster: staging, user: u}},"
            + " {name: dev, context: {cluster: staging, user: u}}]\n"
            + "users: [{name: u, user: {}}]\n");

    assertThatThrownBy(
            () ->
                ConfigMapBackend.fromSettings(
                    Map.of("kubeconfig", "kubeconfig.yaml", "context", "prod"), dir))
        .isInstanceOf(CatalogException.class)
        .hasMessage(
            "context 'prod' of the configmap state backend is not in kubeconfig "
                + kubeconfig
                + "; it has: dev, staging");
  }

  @Test
  void kubeconfigThatIsNotYamlIsNamed() throws IOException {
    Path kubeconfig = dir.resolve("kubeconfig.yaml");
    Files.writeString(kubeconfig, "{{{ not yaml");

    assertThatThrownBy(
            () -> ConfigMapBackend.fromSettings(Map.of("kubeconfig", "kubeconfig.yaml"), dir))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith(
            "kubeconfig " + kubeconfig + " of the configmap state backend cannot be used: ");
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
              "cannot reach the Kubernetes API to read state ConfigMap shop/catalog-state:"
                  + " Connection refused");
    }
  }
}
