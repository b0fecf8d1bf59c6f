package dev.catalog.state.backend.configmap;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.CatalogException;
import dev.catalog.testkube.KubeApiServerExtension;
import dev.catalog.testkube.RunningKubeApiServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** States over the 1 MiB ConfigMap limit, their chunks and their garbage, on a real server. */
@ExtendWith(KubeApiServerExtension.class)
class ConfigMapChunksIT {
  private RunningKubeApiServer server;
  private String namespace;
  private KubernetesClient admin;
  private StateObjects objects;

  @BeforeEach
  void namespace(RunningKubeApiServer server) {
    this.server = server;
    this.namespace = server.newNamespace("chunks");
    this.admin = server.newClient();
    this.objects = new StateObjects(admin, namespace);
  }

  @AfterEach
  void closeAdmin() {
    admin.close();
  }

  @Test
  void fiveMebibyteStateRoundTripsThroughChunksAndOldChunksAreCollected() {
    byte[] first = StateObjects.incompressible(StateObjects.FIVE_MIB, 1);
    byte[] second = StateObjects.incompressible(StateObjects.FIVE_MIB, 2);
    try (ConfigMapBackend backend = ConfigMapBackends.open(server, namespace)) {
      String v1 = backend.write(first, Optional.empty(), "big");
      List<String> firstChunks = objects.headChunks();
      assertThat(firstChunks).hasSize(7).allMatch(name -> name.startsWith("catalog-state-chunk-"));
      assertThat(objects.chunkNames()).containsExactlyInAnyOrderElementsOf(firstChunks);
      ConfigMap chunk =
          admin.configMaps().inNamespace(namespace).withName(firstChunks.get(0)).get();
      assertThat(chunk.getImmutable()).isTrue();
      assertThat(chunk.getMetadata().getLabels()).containsEntry("catalog.dev/part", "chunk");
      assertThat(backend.read().orElseThrow().content()).isEqualTo(first);

      String v2 = backend.write(second, Optional.of(v1), "bigger");

      assertThat(backend.read().orElseThrow().content()).isEqualTo(second);
      assertThat(objects.chunkNames()).containsExactlyInAnyOrderElementsOf(objects.headChunks());
      assertThat(objects.chunkNames()).doesNotContainAnyElementsOf(firstChunks);

      backend.write("{}".getBytes(UTF_8), Optional.of(v2), "small again");
      assertThat(objects.headChunks()).isEmpty();
      assertThat(objects.chunkNames()).isEmpty();
      assertThat(backend.read().orElseThrow().content()).isEqualTo("{}".getBytes(UTF_8));
    }
  }

  @Test
  void orphanChunksOfACrashedWriteAreDeletedByTheNextWrite() {
    try (ConfigMapBackend backend = ConfigMapBackends.open(server, namespace)) {
      String v1 = backend.write("{}".getBytes(UTF_8), Optional.empty(), "create");
      // A writer that built on v1 and died after creating a chunk, before switching the head.
      String orphan = chunkStore().ensure(StateObjects.incompressible(1000, 3), v1);
      assertThat(objects.chunkNames()).containsExactly(orphan);

      backend.write("{\"serial\":2}".getBytes(UTF_8), Optional.of(v1), "update");

      assertThat(objects.chunkNames()).isEmpty();
    }
  }

  @Test
  void chunkClaimedForTheNewHeadSurvivesGarbageCollection() {
    ChunkStore store = chunkStore();
    String claimed = store.ensure(StateObjects.incompressible(1000, 4), "200");

    assertThat(store.collectGarbage(Set.of(), "200")).isZero();
    assertThat(objects.chunkNames()).containsExactly(claimed);
    assertThat(store.collectGarbage(Set.of(), "201")).isEqualTo(1);
    assertThat(objects.chunkNames()).isEmpty();
  }

  @Test
  void realServerRefusesToDeleteAChunkReclaimedAfterItWasListed() {
    ChunkStore store = chunkStore();
    byte[] piece = StateObjects.incompressible(1000, 5);
    String name = store.ensure(piece, "300");
    String listed =
        admin
            .configMaps()
            .inNamespace(namespace)
            .withName(name)
            .get()
            .getMetadata()
            .getResourceVersion();
    store.ensure(piece, "301");

    assertThatThrownBy(
            () ->
                admin
                    .configMaps()
                    .inNamespace(namespace)
                    .withName(name)
                    .lockResourceVersion(listed)
                    .delete())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
    assertThat(objects.chunkNames()).containsExactly(name);
  }

  private ChunkStore chunkStore() {
    return new ChunkStore(admin, namespace, "catalog-state", CatalogException::new);
  }
}
