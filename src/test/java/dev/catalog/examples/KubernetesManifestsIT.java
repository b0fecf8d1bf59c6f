package dev.catalog.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.cli.CliRun;
import dev.catalog.cli.ExitCode;
import dev.catalog.testkube.KubeApiServerExtension;
import dev.catalog.testkube.RunningKubeApiServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Kubernetes manifest shipped under examples/kubernetes and state-backends/configmap is
 * created on a real kube-apiserver (full server-side validation), read back and deleted.
 */
@ExtendWith(KubeApiServerExtension.class)
class KubernetesManifestsIT {
  private static final Path DRIFT = Path.of("examples/kubernetes/drift-cronjob.yaml");

  @Test
  void everyManifestIsCreatedReadBackAndDeletedOnARealApiServer(RunningKubeApiServer server)
      throws IOException {
    List<Path> manifests = manifests();
    assertThat(manifests)
        .contains(
            DRIFT,
            Path.of("examples/kubernetes/secret-sink-rbac.yaml"),
            Path.of("state-backends/configmap/rbac.yaml"));
    try (KubernetesClient client = server.newClient()) {
      for (Path manifest : manifests) {
        String namespace = server.newNamespace("examples");
        List<HasMetadata> created = create(client, manifest, namespace);
        assertThat(created).as(manifest.toString()).isNotEmpty();
        for (HasMetadata resource : created) {
          HasMetadata readBack = client.resource(resource).inNamespace(namespace).get();
          assertThat(readBack).as(manifest + " " + resource.getKind()).isNotNull();
          assertThat(readBack.getMetadata().getUid()).isNotBlank();
        }
        for (HasMetadata resource : created) {
          client.resource(resource).inNamespace(namespace).delete();
          assertThat(client.resource(resource).inNamespace(namespace).get())
              .as(manifest + " " + resource.getKind() + " deleted")
              .isNull();
        }
      }
    }
  }

  @Test
  void driftCronJobRunsCatalogDriftAsJsonUnderItsOwnAccountAndNeverRetries(
      RunningKubeApiServer server) throws IOException {
    String namespace = server.newNamespace("drift");
    try (KubernetesClient client = server.newClient()) {
      create(client, DRIFT, namespace);
      CronJob cron =
          client
              .getKubernetesSerialization()
              .convertValue(
                  client
                      .genericKubernetesResources(cronJobApiVersion(client), "CronJob")
                      .inNamespace(namespace)
                      .withName("catalog-drift")
                      .get(),
                  CronJob.class);
      var job = cron.getSpec().getJobTemplate().getSpec();
      assertThat(job.getBackoffLimit()).isZero();
      var pod = job.getTemplate().getSpec();
      assertThat(pod.getServiceAccountName()).isEqualTo("catalog-drift");
      assertThat(pod.getRestartPolicy()).isEqualTo("Never");
      assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
      assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(65532L);
      assertThat(pod.getContainers().get(0).getArgs())
          .containsExactly(
              "drift", "--format", "json", "-f", "/etc/catalog/catalog.yaml", "--quiet");
      assertThat(
              client
                  .rbac()
                  .roleBindings()
                  .inNamespace(namespace)
                  .withName("catalog-drift")
                  .get()
                  .getSubjects())
          .singleElement()
          .satisfies(s -> assertThat(s.getName()).isEqualTo("catalog-drift"));
    }
  }

  @Test
  void driftRoleIsReadOnlyAndWithinTheConfigMapBackendRole() {
    Role drift = role(DRIFT);
    Role backend = role(Path.of("state-backends/configmap/rbac.yaml"));
    for (PolicyRule rule : drift.getRules()) {
      assertThat(rule.getVerbs()).as(rule.getResources().toString()).isSubsetOf("get", "list");
      if (!rule.getResources().contains("secrets")) {
        PolicyRule same =
            backend.getRules().stream()
                .filter(r -> r.getResources().equals(rule.getResources()))
                .findFirst()
                .orElseThrow();
        assertThat(same.getVerbs()).containsAll(rule.getVerbs());
      }
    }
    PolicyRule secrets =
        drift.getRules().stream()
            .filter(r -> r.getResources().contains("secrets"))
            .findFirst()
            .orElseThrow();
    assertThat(secrets.getResourceNames()).containsExactly("acme-broker");
  }

  @Test
  void theCatalogYamlTheCronJobMountsPassesValidate(@TempDir Path dir) throws IOException {
    ConfigMap config = resource(DRIFT, ConfigMap.class);
    Path file = dir.resolve("catalog.yaml");
    Files.writeString(file, config.getData().get("catalog.yaml"), UTF_8);
    CliRun run = CliRun.run("validate", "-f", file.toString());
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo("Configuration is valid: 1 broker, 0 instances, 0 bindings.\n");
    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
  }

  /**
   * Creates a manifest's resources. The test server is Kubernetes 1.20 (built from Debian's source
   * package, .ci/install-kube-apiserver.sh), which serves CronJob only as batch/v1beta1; the
   * examples use batch/v1 (GA since 1.21, the only version since 1.25). The CronJob fields the
   * examples use are the same in both, so on such a server the same document is submitted as
   * batch/v1beta1 and still validated in full by the server.
   */
  private static List<HasMetadata> create(KubernetesClient client, Path manifest, String ns)
      throws IOException {
    String yaml = readString(manifest);
    String served = cronJobApiVersion(client);
    if (!served.equals("batch/v1")) {
      yaml =
          yaml.replace(
              "apiVersion: batch/v1\nkind: CronJob", "apiVersion: " + served + "\nkind: CronJob");
    }
    try (InputStream in = new ByteArrayInputStream(yaml.getBytes(UTF_8))) {
      return client.load(in).inNamespace(ns).create();
    }
  }

  private static String cronJobApiVersion(KubernetesClient client) {
    var v1 = client.getApiResources("batch/v1");
    boolean servesV1 =
        v1 != null && v1.getResources().stream().anyMatch(r -> r.getName().equals("cronjobs"));
    return servesV1 ? "batch/v1" : "batch/v1beta1";
  }

  private static Role role(Path manifest) {
    return resource(manifest, Role.class);
  }

  /** The first document of the given type in a multi-document manifest, parsed offline. */
  private static <T extends HasMetadata> T resource(Path manifest, Class<T> type) {
    return Stream.of(readString(manifest).split("(?m)^---$"))
        .filter(doc -> doc.lines().anyMatch(l -> l.startsWith("kind:")))
        .map(doc -> (HasMetadata) Serialization.unmarshal(doc))
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst()
        .orElseThrow();
  }

  /** Every YAML file under the two directories that is a Kubernetes manifest (has a kind). */
  private static List<Path> manifests() throws IOException {
    try (Stream<Path> files =
        Stream.concat(
            Files.walk(Path.of("examples/kubernetes")),
            Files.walk(Path.of("state-backends/configmap")))) {
      return files
          .filter(p -> p.toString().endsWith(".yaml"))
          .filter(p -> readString(p).lines().anyMatch(l -> l.startsWith("kind:")))
          .sorted()
          .toList();
    }
  }

  private static String readString(Path p) {
    try {
      return Files.readString(p, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
