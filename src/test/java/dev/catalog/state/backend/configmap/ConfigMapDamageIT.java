package dev.catalog.state.backend.configmap;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.CatalogException;
import dev.catalog.testkube.KubeApiServerExtension;
import dev.catalog.testkube.RunningKubeApiServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A damaged state is reported with what is wrong and never written over, on a real server. */
@ExtendWith(KubeApiServerExtension.class)
class ConfigMapDamageIT {
  private RunningKubeApiServer server;
  private String namespace;
  private KubernetesClient admin;
  private StateObjects objects;

  @BeforeEach
  void namespace(RunningKubeApiServer server) {
    this.server = server;
    this.namespace = server.newNamespace("damage");
    this.admin = server.newClient();
    this.objects = new StateObjects(admin, namespace);
  }

  @AfterEach
  void closeAdmin() {
    admin.close();
  }

  @Test
  void damagedChunkIsReportedAndNeverWrittenOver() {
    try (ConfigMapBackend backend = ConfigMapBackends.open(server, namespace)) {
      String version =
          backend.write(
              StateObjects.incompressible(StateObjects.FIVE_MIB, 6), Optional.empty(), "big");
      String victim = objects.headChunks().get(2);
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
          "state configmap:"
              + namespace
              + "/catalog-state is damaged: chunk "
              + victim
              + " holds bytes with SHA-256 "
              + ConfigMapLayout.sha256(garbage)
              + ", which does not match its name"
              + "; it was not changed and catalog will not write over it. Inspect it with"
              + " 'kubectl -n "
              + namespace
              + " get configmaps -l catalog.dev/state=catalog-state -o yaml', or delete ConfigMap"
              + " catalog-state and run 'catalog state push FILE' with a good copy";

      assertThatThrownBy(backend::read).isInstanceOf(CatalogException.class).hasMessage(message);
      assertThatThrownBy(() -> backend.write("{}".getBytes(UTF_8), Optional.of(version), "fix"))
          .isInstanceOf(CatalogException.class)
          .hasMessage(message);
      assertThat(objects.headVersion()).isEqualTo(version);
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
      byte[] truncated = Arrays.copyOf(gz, gz.length / 2);
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
          "state configmap:"
              + namespace
              + "/catalog-state is damaged: the compressed content is not valid gzip (Unexpected"
              + " end of ZLIB input stream)"
              + "; it was not changed and catalog will not write over it. Inspect it with"
              + " 'kubectl -n "
              + namespace
              + " get configmaps -l catalog.dev/state=catalog-state -o yaml', or delete ConfigMap"
              + " catalog-state and run 'catalog state push FILE' with a good copy";

      assertThatThrownBy(backend::read).isInstanceOf(CatalogException.class).hasMessage(message);
      assertThatThrownBy(() -> backend.write("{}".getBytes(UTF_8), Optional.of(damaged), "fix"))
          .isInstanceOf(CatalogException.class)
          .hasMessage(message);
      assertThat(objects.headVersion()).isEqualTo(damaged);
    }
  }

  @Test
  void missingChunkIsReportedByName() {
    try (ConfigMapBackend backend = ConfigMapBackends.open(server, namespace)) {
      backend.write(StateObjects.incompressible(StateObjects.FIVE_MIB, 8), Optional.empty(), "big");
      String missing = objects.headChunks().get(4);
      admin.configMaps().inNamespace(namespace).withName(missing).delete();

      assertThatThrownBy(backend::read)
          .isInstanceOf(CatalogException.class)
          .hasMessageStartingWith(
              "state configmap:"
                  + namespace
                  + "/catalog-state is damaged: chunk "
                  + missing
                  + " listed by the head is missing; it was not changed");
    }
  }

  @Test
  void headWrittenInANewerFormatIsRefusedWithUpgradeAdvice() {
    try (ConfigMapBackend backend = ConfigMapBackends.open(server, namespace)) {
      backend.write("{}".getBytes(UTF_8), Optional.empty(), "create");
      ConfigMap head = admin.configMaps().inNamespace(namespace).withName("catalog-state").get();
      head.getData().put("format", "catalog-state/configmap-v2");
      String newer =
          admin
              .configMaps()
              .inNamespace(namespace)
              .resource(head)
              .update()
              .getMetadata()
              .getResourceVersion();
      String message =
          "state configmap:"
              + namespace
              + "/catalog-state has format catalog-state/configmap-v2, which this version of"
              + " catalog cannot read; upgrade catalog";

      assertThatThrownBy(backend::read).isInstanceOf(CatalogException.class).hasMessage(message);
      assertThatThrownBy(() -> backend.write("{}".getBytes(UTF_8), Optional.of(newer), "x"))
          .isInstanceOf(CatalogException.class)
          .hasMessage(message);
      assertThat(objects.headVersion()).isEqualTo(newer);
    }
  }
}
