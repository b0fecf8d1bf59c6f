package dev.catalog.state.backend;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.CatalogException;
import dev.catalog.testkube.KubeApiServerExtension;
import dev.catalog.testkube.RunningKubeApiServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** States over the 1 MiB ConfigMap limit, their chunks, garbage and damage, on a real server. */
@ExtendWith(KubeApiServerExtension.class)
class ConfigMapChunksIT {
  private static final int FIVE_MIB = 5 * 1024 * 1024;

  private RunningKubeApiServer server;
  private String namespace;
  private KubernetesClient admin;

  @BeforeEach
  void namespace(RunningKubeApiServer server) {
    this.server = server;
    this.namespace = server.newNamespace("chunks");
    this.admin = server.newClient();
  }

  @AfterEach
  void closeAdmin() {
    admin.close();
  }

  @Test
  void fiveMebibyteStateRoundTripsThroughChunksAndOldChunksAreCollected() {
    byte[] first = incompressible(FIVE_MIB, 1);
    byte[] second = incompressible(FIVE_MIB, 2);
    try (ConfigMapBackend backend = ConfigMapBackends.open(server, namespace)) {
      String v1 = backend.write(first, Optional.empty(), "big");
      List<String> firstChunks = headChunks();
      assertThat(firstChunks).hasSize(7).allMatch(name -> name.startsWith("catalog-state-chunk-"));
      assertThat(chunkNames()).containsExactlyInAnyOrderElementsOf(firstChunks);
      ConfigMap chunk =
          admin.configMaps().inNamespace(namespace).withName(firstChunks.get(0)).get();
      assertThat(chunk.getImmutable()).isTrue();
      assertThat(chunk.getMetadata().getLabels()).containsEntry("catalog.dev/part", "chunk");
      assertThat(backend.read().orElseThrow().content()).isEqualTo(first);

      String v2 = backend.write(second, Optional.of(v1), "bigger");

      assertThat(backend.read().orElseThrow().content()).isEqualTo(second);
      assertThat(chunkNames()).containsExactlyInAnyOrderElementsOf(headChunks());
      assertThat(chunkNames()).doesNotContainAnyElementsOf(firstChunks);

      backend.write("{}".getBytes(UTF_8), Optional.of(v2), "small again");
      assertThat(headChunks()).isEmpty();
      assertThat(chunkNames()).isEmpty();
      assertThat(backend.read().orElseThrow().content()).isEqualTo("{}".getBytes(UTF_8));
    }
  }

  @Test
  void orphanChunksOfACrashedWriteAreDeletedByTheNextWrite() {
    try (ConfigMapBackend backend = ConfigMapBackends.open(server, namespace)) {
      String v1 = backend.write("{}".getBytes(UTF_8), Optional.empty(), "create");
      // A writer that built on v1 and died after creating a chunk, before switching the head.
      String orphan = chunkStore().ensure(incompressible(1000, 3), v1);
      assertThat(chunkNames()).containsExactly(orphan);

      backend.write("{\"serial\":2}".getBytes(UTF_8), Optional.of(v1), "update");

      assertThat(chunkNames()).isEmpty();
    }
  }

  @Test
  void chunkClaimedForTheNewHeadSurvivesGarbageCollection() {
    ChunkStore store = chunkStore();
    String claimed = store.ensure(incompressible(1000, 4), "200");

    assertThat(store.collectGarbage(Set.of(), "200")).isZero();
    assertThat(chunkNames()).containsExactly(claimed);
    assertThat(store.collectGarbage(Set.of(), "201")).isEqualTo(1);
    assertThat(chunkNames()).isEmpty();
  }

  @Test
  void realServerRefusesToDeleteAChunkReclaimedAfterItWasListed() {
    ChunkStore store = chunkStore();
    byte[] piece = incompressible(1000, 5);
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
    assertThat(chunkNames()).containsExactly(name);
  }

  @Test
  void damagedChunkIsReportedAndNeverWrittenOver() {
    try (ConfigMapBackend backend = ConfigMapBackends.open(server, namespace)) {
      String version = backend.write(incompressible(FIVE_MIB, 6), Optional.empty(), "big");
      String victim = headChunks().get(2);
      byte[] garbage = "not the chunk you are looking for".getBytes(UTF_8);
      admin.configMaps().inNamespace(namespace).withName(victim).delete();
      admin
          .configMaps()
          .inNamespace(namespace)
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName(victim)
                  .withLabels(ConfigMapLayout.labels("catalog-state", "chunk"))
                  .endMetadata()
                  .withBinaryData(Map.of("chunk", Base64.getEncoder().encodeToString(garbage)))
                  .build())
          .create();
      String message =
          "State configmap "
              + namespace
              + "/catalog-state is damaged: chunk "
              + victim
              + " holds bytes with SHA-256 "
              + ConfigMapLayout.sha256(garbage)
              + ", which does not match its name. It was left as it is and catalog will not write"
              + " over it; inspect it with: kubectl -n "
              + namespace
              + " get configmaps -l catalog.dev/state=catalog-state -o yaml";

      assertThatThrownBy(backend::read).isInstanceOf(CatalogException.class).hasMessage(message);
      assertThatThrownBy(() -> backend.write("{}".getBytes(UTF_8), Optional.of(version), "fix"))
          .isInstanceOf(CatalogException.class)
          .hasMessage(message);
      assertThat(headVersion()).isEqualTo(version);
      assertThat(
              admin
                  .configMaps()
                  .inNamespace(namespace)
                  .withName(victim)
                  .get()
                  .getBinaryData()
                  .get("chunk"))
          .isEqualTo(Base64.getEncoder().encodeToString(garbage));
    }
  }

  @Test
  void truncatedInlineStateIsReportedAndNeverWrittenOver() {
    try (ConfigMapBackend backend = ConfigMapBackends.open(server, namespace)) {
      backend.write("{\"serial\":1,\"resources\":{}}".getBytes(UTF_8), Optional.empty(), "c");
      ConfigMap head = admin.configMaps().inNamespace(namespace).withName("catalog-state").get();
      byte[] gz = Base64.getDecoder().decode(head.getBinaryData().get("state.json.gz"));
      byte[] truncated = java.util.Arrays.copyOf(gz, gz.length / 2);
      head.getBinaryData().put("state.json.gz", Base64.getEncoder().encodeToString(truncated));
      String damaged =
          admin
              .configMaps()
              .inNamespace(namespace)
              .resource(head)
              .update()
              .getMetadata()
              .getResourceVersion();
      String message =
          "State configmap "
              + namespace
              + "/catalog-state is damaged: the compressed"
              + " content is not valid gzip (Unexpected end of ZLIB input stream). It was left as"
              + " it is and catalog will not write over it; inspect it with: kubectl -n "
              + namespace
              + " get configmaps -l catalog.dev/state=catalog-state -o yaml";

      assertThatThrownBy(backend::read).isInstanceOf(CatalogException.class).hasMessage(message);
      assertThatThrownBy(() -> backend.write("{}".getBytes(UTF_8), Optional.of(damaged), "fix"))
          .isInstanceOf(CatalogException.class)
          .hasMessage(message);
      assertThat(headVersion()).isEqualTo(damaged);
    }
  }

  private ChunkStore chunkStore() {
    return new ChunkStore(admin, namespace, "catalog-state", CatalogException::new);
  }

  private List<String> headChunks() {
    String chunks =
        admin
            .configMaps()
            .inNamespace(namespace)
            .withName("catalog-state")
            .get()
            .getData()
            .get("chunks");
    return chunks.lines().filter(line -> !line.isBlank()).toList();
  }

  private String headVersion() {
    return admin
        .configMaps()
        .inNamespace(namespace)
        .withName("catalog-state")
        .get()
        .getMetadata()
        .getResourceVersion();
  }

  private List<String> chunkNames() {
    return admin
        .configMaps()
        .inNamespace(namespace)
        .withLabel("catalog.dev/part", "chunk")
        .list()
        .getItems()
        .stream()
        .map(c -> c.getMetadata().getName())
        .toList();
  }

  /** Random bytes: gzip cannot shrink them, so a 5 MiB state stays over 5 MiB compressed. */
  private static byte[] incompressible(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }
}
