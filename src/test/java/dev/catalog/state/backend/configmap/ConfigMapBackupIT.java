package dev.catalog.state.backend.configmap;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.cli.CliRun;
import dev.catalog.testbroker.ReferenceBroker;
import dev.catalog.testkube.KubeApiServerExtension;
import dev.catalog.testkube.RunningKubeApiServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configmap backend's {@code <name>-backup} ConfigMap against the real kube-apiserver, with
 * catalog running as the ServiceAccount of state-backends/configmap/rbac.yaml and nothing more
 * (issue 19, item 11): written before an apply that changes something (the state before it) and
 * not by one with nothing to do, restorable with {@code catalog state push}, and holding neither
 * binding credentials nor the broker password.
 */
@ExtendWith(KubeApiServerExtension.class)
@Timeout(300)
class ConfigMapBackupIT {
  private static final String PASSWORD = "backup-it-broker-pw";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private ReferenceBroker broker;
  private Path config;

  @BeforeEach
  void startBroker() {
    broker =
        ReferenceBroker.start(
            new ReferenceBroker.Options(
                "127.0.0.1", 0, PASSWORD, Clock.systemUTC(), Duration.ZERO));
    config = dir.resolve("catalog.yaml");
  }

  @AfterEach
  void stopBroker() {
    broker.close();
  }

  @Test
  void aChangingApplyKeepsThePreviousStateInTheBackupWithoutCredentialsAndItRestores(
      RunningKubeApiServer server) throws IOException {
    var namespace = server.newNamespace("backup");
    var kubeconfig = DocumentedRole.grant(server, namespace);

    configure(kubeconfig, namespace, 20);
    var created = run("apply", "--auto-approve");
    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(backup(server, namespace)).as("no state before the first apply").isNull();
    var beforeChange = stateJson(server, namespace);

    configure(kubeconfig, namespace, 30);
    var changed = run("apply", "--auto-approve");
    assertThat(changed.exitCode()).as(changed.err()).isZero();
    assertThat(changed.err()).isEmpty();
    var backup = backup(server, namespace);
    assertThat(backup.getMetadata().getLabels())
        .containsEntry("catalog.dev/part", "backup")
        .containsEntry("catalog.dev/state", "catalog-state");
    assertThat(backup.getMetadata().getAnnotations())
        .containsValue("state before the last change");
    assertThat(content(backup)).isEqualTo(beforeChange);

    var whole = Serialization.asYaml(backup) + content(backup);
    assertThat(broker.ledger().bindings()).hasSize(1);
    for (var secret : broker.ledger().bindings().get(0).credentials().values()) {
      assertThat(whole).doesNotContain(String.valueOf(secret));
    }
    assertThat(whole).doesNotContain(PASSWORD);

    var nothingToDo = run("apply", "--auto-approve");
    assertThat(nothingToDo.exitCode()).as(nothingToDo.err()).isZero();
    assertThat(backup(server, namespace).getMetadata().getResourceVersion())
        .as("an apply with nothing to do keeps the backup as it was")
        .isEqualTo(backup.getMetadata().getResourceVersion());

    var restoreFile = dir.resolve("restore.json");
    Files.writeString(restoreFile, content(backup));
    var pushed = run("state", "push", "--force", restoreFile.toString());
    assertThat(pushed.exitCode()).as(pushed.err()).isZero();
    assertThat(pushed.err())
        .contains("The previous state is kept in ConfigMap " + namespace + "/catalog-state-backup");
    var restored = JSON.readTree(stateJson(server, namespace));
    var kept = JSON.readTree(content(backup));
    assertThat(restored.get("lineage")).isEqualTo(kept.get("lineage"));
    assertThat(restored.get("resources")).isEqualTo(kept.get("resources"));
    assertThat(restored.at("/resources/instance.orders-db/parameters/storage_gb").asInt())
        .isEqualTo(20);
    assertThat(restored.get("resources").has("binding.orders-app")).isTrue();
  }

  private void configure(Path kubeconfig, String namespace, int storage) throws IOException {
    Files.writeString(
        config,
        """
        apiVersion: catalog/v1
        backend:
          type: configmap
          kubeconfig: %s
          namespace: %s
        brokers:
          - name: data
            url: %s
            auth:
              basic:
                username: admin
                password: { fromEnv: BROKER_PW }
        instances:
          - name: orders-db
            broker: data
            service: db
            plan: small
            parameters: { storage_gb: %d }
        bindings:
          - name: orders-app
            instance: orders-db
            credentials:
              file: { path: out/orders.json }
        """
            .formatted(kubeconfig, namespace, broker.baseUrl("data"), storage));
  }

  private CliRun run(String... args) {
    var all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "-f";
    all[args.length + 1] = config.toString();
    return CliRun.run(Map.of("BROKER_PW", PASSWORD), all);
  }

  private static ConfigMap backup(RunningKubeApiServer server, String namespace) {
    try (var admin = server.newClient()) {
      return admin.configMaps().inNamespace(namespace).withName("catalog-state-backup").get();
    }
  }

  /** The state as the backend holds it, read as an administrator. */
  private static String stateJson(RunningKubeApiServer server, String namespace) {
    try (var backend =
        ConfigMapBackend.fromSettings(
            ConfigMapBackends.settings(server, namespace), Path.of("."))) {
      return new String(backend.read().orElseThrow().content(), UTF_8);
    }
  }

  private static String content(ConfigMap backup) throws IOException {
    var compressed =
        Base64.getDecoder().decode(backup.getBinaryData().get(ConfigMapLayout.KEY_INLINE));
    try (var in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      return new String(in.readAllBytes(), UTF_8);
    }
  }
}
