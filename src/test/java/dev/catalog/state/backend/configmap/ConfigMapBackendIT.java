package dev.catalog.state.backend.configmap;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.state.backend.StateConflictException;
import dev.catalog.state.backend.StoredState;
import dev.catalog.testkube.KubeApiServerExtension;
import dev.catalog.testkube.RunningKubeApiServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KubeApiServerExtension.class)
class ConfigMapBackendIT {
  private final RunningKubeApiServer server;
  private final String namespace;
  private final KubernetesClient admin;

  // Constructor injection, as a contract-suite subclass needs it: the server must be known
  // before the superclass's @BeforeEach asks for settings().
  ConfigMapBackendIT(RunningKubeApiServer server) {
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

  @Test
  void writeFromAStaleVersionIsAConflictNamingBothVersionsAndOverwritesNothing() {
    try (ConfigMapBackend first = ConfigMapBackends.open(server, namespace);
        ConfigMapBackend second = ConfigMapBackends.open(server, namespace)) {
      String base = first.write(bytes("base"), Optional.empty(), "create");
      String landed = first.write(bytes("first"), Optional.of(base), "update");

      assertThatThrownBy(() -> second.write(bytes("second"), Optional.of(base), "update"))
          .isInstanceOf(StateConflictException.class)
          .hasMessage(
              "state configmap:"
                  + namespace
                  + "/catalog-state changed since it was read: expected version "
                  + base
                  + ", found "
                  + landed
                  + "; nothing was written, read it again and retry");
      assertThatThrownBy(() -> second.write(bytes("second"), Optional.empty(), "create"))
          .isInstanceOf(StateConflictException.class)
          .hasMessageContaining("expected version (no state), found " + landed + ";");
      assertThat(second.read().orElseThrow().content()).isEqualTo(bytes("first"));
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void racingWritersEitherLandOrConflictAndNoUpdateIsLost() {
    try (ConfigMapBackend setup = ConfigMapBackends.open(server, namespace)) {
      setup.write(bytes(""), Optional.empty(), "create");
    }
    List<String> landed = Collections.synchronizedList(new ArrayList<>());
    List<CompletableFuture<Void>> writers = new ArrayList<>();
    for (String writer : List.of("a", "b")) {
      writers.add(
          CompletableFuture.runAsync(
              () -> {
                try (ConfigMapBackend backend = ConfigMapBackends.open(server, namespace)) {
                  for (int i = 0; i < 25; i++) {
                    StoredState read = backend.read().orElseThrow();
                    String mark = writer + i + ";";
                    try {
                      backend.write(
                          bytes(new String(read.content(), UTF_8) + mark),
                          Optional.of(read.version()),
                          "race");
                      landed.add(mark);
                    } catch (StateConflictException lost) {
                      // the other writer got there first: allowed, as long as nothing is lost
                    }
                  }
                }
              }));
    }
    writers.forEach(CompletableFuture::join);

    try (ConfigMapBackend backend = ConfigMapBackends.open(server, namespace)) {
      String finalState = new String(backend.read().orElseThrow().content(), UTF_8);
      assertThat(finalState.split(";"))
          .containsExactlyInAnyOrderElementsOf(
              landed.stream().map(mark -> mark.substring(0, mark.length() - 1)).toList());
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }
}
