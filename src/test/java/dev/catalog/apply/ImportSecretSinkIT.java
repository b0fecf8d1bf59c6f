package dev.catalog.apply;

import static dev.catalog.apply.ApplyLifecycleIT.db;
import static dev.catalog.testkube.SecretData.decoded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.testbroker.BrokerCatalog;
import dev.catalog.testkube.KubeApiServerExtension;
import dev.catalog.testkube.RunningKubeApiServer;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code catalog import} of a binding whose credentials go to a Kubernetes Secret on a real
 * kube-apiserver: the credentials read back are written there with catalog's ownership marks, and a
 * Secret someone else made is neither overwritten nor recorded.
 */
@ExtendWith(KubeApiServerExtension.class)
@Timeout(300)
class ImportSecretSinkIT {
  @TempDir Path dir;
  private ImportHarness harness;
  private KubernetesClient kube;
  private String namespace;

  @BeforeEach
  void start(RunningKubeApiServer server) {
    harness = ImportHarness.start(dir);
    harness.environment("KUBECONFIG", server.kubeconfig().toString());
    kube = server.newClient();
    namespace = server.newNamespace("import");
  }

  @AfterEach
  void stop() {
    kube.close();
    harness.close();
  }

  private String ordersApp() {
    return """
           - name: orders-app
             instance: orders-db
             credentials:
               secret: { namespace: %s, name: orders-db }
           """
        .formatted(namespace);
  }

  private String importedBinding() throws IOException {
    var instanceId = harness.provisionDb(BrokerCatalog.DB_SMALL_PLAN_ID, 20);
    var bindingId =
        harness.bind(
            "data", instanceId, BrokerCatalog.DB_SERVICE_ID, BrokerCatalog.DB_SMALL_PLAN_ID);
    harness.configure(db("orders-db", "small", 20), ordersApp());
    assertThat(harness.importing("instance.orders-db", instanceId).exitCode()).isZero();
    return bindingId;
  }

  @Test
  void anImportedBindingsCredentialsGoToItsSecretMarkedAsCatalogs() throws IOException {
    var bindingId = importedBinding();

    var imported = harness.importing("binding.orders-app", bindingId);

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out())
        .isEqualTo(
            "Imported binding.orders-app (id "
                + bindingId
                + ") from broker data; its credentials were written to Secret "
                + namespace
                + "/orders-db.\n");
    assertThat(harness.requests()).allSatisfy(r -> assertThat(r).startsWith("GET "));
    var credentials = harness.broker().ledger().binding(bindingId).orElseThrow().credentials();
    var secret = secret();
    var expected = new TreeMap<String, String>();
    credentials.forEach((k, v) -> expected.put(k, String.valueOf(v)));
    assertThat(decoded(secret)).isEqualTo(expected);
    assertThat(secret.getMetadata().getLabels())
        .isEqualTo(
            Map.of("app.kubernetes.io/managed-by", "catalog", "catalog.dev/binding", "orders-app"));
    assertThat(secret.getMetadata().getAnnotations())
        .containsEntry("catalog.dev/owner", "binding.orders-app");
    var state = Files.readString(harness.stateFile());
    for (var value : credentials.values()) {
      assertThat(state + imported.out() + imported.err()).doesNotContain(String.valueOf(value));
    }
    assertThat(harness.run("plan", "--detailed-exitcode").exitCode()).isZero();
  }

  @Test
  void anImportIntoASecretCatalogDoesNotOwnFailsAndLeavesSecretAndStateAsTheyWere()
      throws IOException {
    var bindingId = importedBinding();
    kube.secrets()
        .inNamespace(namespace)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("orders-db")
                .endMetadata()
                .withStringData(Map.of("password", "someone-elses"))
                .build())
        .create();
    var before = Files.readString(harness.stateFile());

    var imported = harness.importing("binding.orders-app", bindingId);

    assertThat(imported.exitCode()).isEqualTo(1);
    assertThat(imported.err())
        .isEqualTo(
            "Error: binding.orders-app: Kubernetes Secret \""
                + namespace
                + "/orders-db\" exists and was not created by catalog; refusing to overwrite it."
                + " Delete it, or deliver the credentials to another Secret name, or adopt it:"
                + " kubectl -n "
                + namespace
                + " label secret orders-db app.kubernetes.io/managed-by=catalog"
                + " catalog.dev/binding=orders-app && kubectl -n "
                + namespace
                + " annotate secret orders-db catalog.dev/owner=binding.orders-app (the next apply"
                + " replaces its data).\n");
    assertThat(decoded(secret())).isEqualTo(Map.of("password", "someone-elses"));
    assertThat(Files.readString(harness.stateFile())).isEqualTo(before);
    assertThat(harness.requests()).allSatisfy(r -> assertThat(r).startsWith("GET "));
  }

  private Secret secret() {
    return kube.secrets().inNamespace(namespace).withName("orders-db").get();
  }
}
