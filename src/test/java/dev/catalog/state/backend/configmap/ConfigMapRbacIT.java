package dev.catalog.state.backend.configmap;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.state.backend.LockInfo;
import dev.catalog.state.backend.StateBackend;
import dev.catalog.testkube.KubeApiServerExtension;
import dev.catalog.testkube.RunningKubeApiServer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** state-backends/configmap/rbac.yaml applied to a real server grants what the backend needs. */
@ExtendWith(KubeApiServerExtension.class)
class ConfigMapRbacIT {

  @Test
  void rbacManifestGrantsEveryOperationOfTheBackendButNoSecrets(RunningKubeApiServer server)
      throws IOException {
    String namespace = server.newNamespace("rbac");
    Path kubeconfig = DocumentedRole.grant(server, namespace);
    Map<String, String> settings = new HashMap<>();
    settings.put("kubeconfig", kubeconfig.toString());
    settings.put("namespace", namespace);
    byte[] big = new byte[2 * 1024 * 1024];
    new Random(7).nextBytes(big);
    LockInfo lock = new LockInfo("rbac-lock", "ci@runner", "apply", Instant.now(), "0.1.0");

    try (StateBackend backend = ConfigMapBackend.fromSettings(settings, Path.of("."))) {
      backend.lock(lock);
      String v1 = backend.write(big, Optional.empty(), "chunked");
      String v2 = backend.write("{}".getBytes(UTF_8), Optional.of(v1), "garbage collected");
      assertThat(backend.read().orElseThrow().version()).isEqualTo(v2);
      backend.unlock(lock.id());
      backend.lock(lock);
      backend.forceUnlock(lock.id());
      assertThat(backend.currentLock()).isEmpty();
    }
    try (KubernetesClient admin = server.newClient()) {
      assertThat(
              admin
                  .configMaps()
                  .inNamespace(namespace)
                  .withLabel("catalog.dev/part", "chunk")
                  .list()
                  .getItems())
          .isEmpty();
    }

    // The same kubeconfig really acts as the account: the Role grants no secrets.
    try (KubernetesClient asAccount =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(null, kubeconfig.toFile()))
            .build()) {
      assertThatThrownBy(() -> asAccount.secrets().inNamespace(namespace).list())
          .isInstanceOfSatisfying(
              KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
    }
  }
}
