package dev.catalog.state.backend;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.testkube.KubeApiServerExtension;
import dev.catalog.testkube.RunningKubeApiServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KubeApiServerExtension.class)
class ConfigMapBackendIT {
  private RunningKubeApiServer server;
  private String namespace;
  private KubernetesClient admin;

  @BeforeEach
  void namespace(RunningKubeApiServer server) {
    this.server = server;
    this.namespace = server.newNamespace("state");
    this.admin = server.newClient();
  }

  @AfterEach
  void closeAdmin() {
    admin.close();
  }

  @Test
  void writtenStateReadsBackWithTheHeadResourceVersionAsItsVersion() {
    byte[] state = "{\"version\":1,\"serial\":7,\"resources\":{}}".getBytes(UTF_8);
    try (ConfigMapBackend backend = ConfigMapBackends.open(server, namespace)) {
      assertThat(backend.read()).isEmpty();

      String version = backend.write(state, Optional.empty(), "create instance.orders-db");

      StoredState read = backend.read().orElseThrow();
      assertThat(read.content()).isEqualTo(state);
      assertThat(read.version()).isEqualTo(version);
      ConfigMap head = admin.configMaps().inNamespace(namespace).withName("catalog-state").get();
      assertThat(head.getMetadata().getResourceVersion()).isEqualTo(version);
      assertThat(head.getMetadata().getLabels())
          .containsEntry("app.kubernetes.io/managed-by", "catalog")
          .containsEntry("catalog.dev/state", "catalog-state")
          .containsEntry("catalog.dev/part", "head");
      assertThat(head.getMetadata().getAnnotations())
          .containsEntry("catalog.dev/serial", "7")
          .containsEntry("catalog.dev/last-change", "create instance.orders-db");
      assertThat(head.getData())
          .containsEntry("format", "catalog-state/configmap-v1")
          .containsEntry("encoding", "gzip")
          .containsEntry("size", Integer.toString(state.length))
          .containsEntry("generation", "1")
          .containsEntry("chunks", "");
      assertThat(head.getBinaryData()).containsKey("state.json.gz");
      assertThat(backend.identity()).isEqualTo("configmap:" + namespace + "/catalog-state");
    }
  }
}
