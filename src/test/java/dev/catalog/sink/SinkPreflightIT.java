package dev.catalog.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.catalog.CatalogException;
import dev.catalog.config.CredentialsTarget;
import dev.catalog.config.CredentialsTarget.FileFormat;
import dev.catalog.config.CredentialsTarget.FileTarget;
import dev.catalog.config.CredentialsTarget.SecretTarget;
import dev.catalog.state.Address;
import dev.catalog.testkube.KubeApiServerExtension;
import dev.catalog.testkube.RunningKubeApiServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink pre-flight against a real kube-apiserver with RBAC: a ServiceAccount authenticated by
 * its token, with and without the Role examples/kubernetes/secret-sink-rbac.yaml ships.
 */
@ExtendWith(KubeApiServerExtension.class)
class SinkPreflightIT {
  private static final Address APP = Address.binding("orders-app");

  @TempDir Path dir;
  private RunningKubeApiServer server;
  private String namespace;

  @BeforeEach
  void namespace(RunningKubeApiServer server) {
    this.server = server;
    this.namespace = server.newNamespace("preflight");
  }

  @Test
  void anAccountThatMayNotWriteSecretsIsRefusedNamingTheVerbsAndItsKubeconfig()
      throws IOException {
    Path kubeconfig = server.serviceAccountKubeconfig(namespace, "catalog");

    assertThatThrownBy(() -> check(kubeconfig, Map.of(APP, secret(namespace))))
        .isInstanceOf(CatalogException.class)
        .hasMessage(
            "binding.orders-app: cannot deliver credentials to Kubernetes Secret \""
                + namespace
                + "/orders\": the account of "
                + cluster(kubeconfig)
                + " may not get, create, update, delete Secrets in namespace \""
                + namespace
                + "\" (a SelfSubjectAccessReview said no); grant get, create, update, delete on"
                + " secrets there with a Role and RoleBinding"
                + " (examples/kubernetes/secret-sink-rbac.yaml), or set KUBECONFIG to an account"
                + " that has them\nNothing was sent to any broker: fix the above and run apply"
                + " again.");
  }

  @Test
  void theShippedSecretSinkRoleGrantsEverythingThePreflightChecks() throws IOException {
    Path kubeconfig = server.serviceAccountKubeconfig(namespace, "catalog");
    try (KubernetesClient admin = server.newClient();
        InputStream in = Files.newInputStream(Path.of("examples/kubernetes/secret-sink-rbac.yaml"))) {
      for (HasMetadata resource : admin.load(in).items()) {
        if (resource instanceof RoleBinding binding) {
          binding.getSubjects().forEach(s -> s.setNamespace(namespace)); // shipped: "catalog"
        }
        admin.resource(resource).inNamespace(namespace).create();
      }
    }

    assertThatCode(() -> check(kubeconfig, Map.of(APP, secret(namespace))))
        .doesNotThrowAnyException();
  }

  @Test
  void aNamespaceThatDoesNotExistIsNamedWithTheCluster() {
    Path kubeconfig = server.kubeconfig();

    assertThatThrownBy(() -> check(kubeconfig, Map.of(APP, secret("no-such-namespace"))))
        .isInstanceOf(CatalogException.class)
        .hasMessage(
            "binding.orders-app: cannot deliver credentials to Kubernetes Secret"
                + " \"no-such-namespace/orders\": namespace \"no-such-namespace\" does not exist"
                + " in "
                + cluster(kubeconfig)
                + "\nNothing was sent to any broker: fix the above and run apply again.");
  }

  @Test
  void everyBindingWhoseSinkCannotBeWrittenIsListedAndAFileUnderARegularFileIsOne()
      throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("creds"), "a file, not a directory");
    var targets = new LinkedHashMap<Address, CredentialsTarget>();
    targets.put(APP, secret("no-such-namespace"));
    targets.put(
        Address.binding("reports-app"),
        new FileTarget(notADirectory.resolve("reports.json"), "creds/reports.json", "0600",
            FileFormat.JSON));
    targets.put(
        Address.binding("fine-app"),
        new FileTarget(dir.resolve("new/dir/fine.env"), "new/dir/fine.env", "0600",
            FileFormat.ENV));

    assertThatThrownBy(() -> check(server.kubeconfig(), targets))
        .isInstanceOf(CatalogException.class)
        .hasMessageEndingWith(
            "\nbinding.reports-app: cannot deliver credentials to file creds/reports.json: "
                + notADirectory
                + " is not a directory\nNothing was sent to any broker: fix the above and run"
                + " apply again.");
    assertThat(dir.resolve("new")).doesNotExist();
  }

  private static void check(Path kubeconfig, Map<Address, CredentialsTarget> targets) {
    try (var sinks =
        CredentialSinks.currentContextOnly(
            () ->
                new KubernetesClientBuilder()
                    .withConfig(Config.fromKubeconfig(null, kubeconfig.toFile()))
                    .build())) {
      sinks.checkWritable(targets);
    }
  }

  private static SecretTarget secret(String namespace) {
    return new SecretTarget(namespace, "orders", List.of());
  }

  /** How messages name the test server: its URL, the kubeconfig and its current context. */
  private String cluster(Path kubeconfig) {
    try (KubernetesClient client = server.newClient()) {
      String context =
          new ObjectMapper(new YAMLFactory())
              .readTree(kubeconfig.toFile())
              .get("current-context")
              .asText();
      return "the cluster at "
          + client.getMasterUrl()
          + " (context \""
          + context
          + "\" of kubeconfig "
          + kubeconfig
          + ")";
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
