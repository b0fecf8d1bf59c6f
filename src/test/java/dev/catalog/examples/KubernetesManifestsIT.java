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
 * created on a real kube-apiserver (full server-side validation), read back and deleted. A manifest
 * says which Kubernetes versions it needs in its first line; the drift CronJob ships twice
 * (batch/v1 for 1.21 and newer, batch/v1beta1 for 1.19 and 1.20), and the one the test server
 * serves is the one created, unchanged (issue 19 item 12: docs/kubernetes.md says why the test
 * server is 1.20).
 */
@ExtendWith(KubeApiServerExtension.class)
class KubernetesManifestsIT {
  private static final Path DRIFT = Path.of("examples/kubernetes/drift-cronjob.yaml");
  private static final Path DRIFT_1_20 = Path.of("examples/kubernetes/drift-cronjob-1.20.yaml");

  @Test
  void everyManifestIsCreatedReadBackAndDeletedOnARealApiServer(RunningKubeApiServer server)
      throws IOException {
    List<Path> manifests = manifests();
    assertThat(manifests)
        .contains(
            DRIFT,
            DRIFT_1_20,
            Path.of("examples/kubernetes/secret-sink-rbac.yaml"),
            Path.of("state-backends/configmap/rbac.yaml"));
    try (KubernetesClient client = server.newClient()) {
      Path drift = servedDrift(client);
      Path other = drift.equals(DRIFT) ? DRIFT_1_20 : DRIFT;
      assertThat(unservedApis(client, other)).as(other.toString()).isNotEmpty();
      for (Path manifest : manifests) {
        if (manifest.equals(other)) {
          continue; // made for Kubernetes versions this server is not
        }
        assertThat(unservedApis(client, manifest)).as(manifest.toString()).isEmpty();
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
      create(client, servedDrift(client), namespace);
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

  @Test
  void theTwoDriftCronJobsDifferOnlyInTheCronJobApiVersionAndTheirHeader() {
    List<String> v1 = readString(DRIFT).lines().toList();
    List<String> v1beta1 = readString(DRIFT_1_20).lines().toList();

    assertThat(v1.get(0))
        .isEqualTo(
            "# Needs Kubernetes 1.21 or newer (CronJob batch/v1). For Kubernetes 1.19 and 1.20"
                + " use");
    assertThat(v1beta1.get(0))
        .isEqualTo(
            "# Kubernetes 1.19 and 1.20 only (CronJob batch/v1beta1, removed in Kubernetes"
                + " 1.25). For 1.21");
    assertThat(withoutHeader(v1beta1))
        .isEqualTo(
            withoutHeader(v1).stream()
                .map(l -> l.equals("apiVersion: batch/v1") ? "apiVersion: batch/v1beta1" : l)
                .map(l -> l.replace("drift-cronjob.yaml", "drift-cronjob-1.20.yaml"))
                .toList());
  }

  /** The lines after the header comment that says which Kubernetes the file needs. */
  private static List<String> withoutHeader(List<String> lines) {
    int first = 0;
    while (!lines.get(first).equals("#")) {
      first++;
    }
    return lines.subList(first + 1, lines.size());
  }

  /** The drift CronJob manifest made for this server's Kubernetes version. */
  private static Path servedDrift(KubernetesClient client) {
    return cronJobApiVersion(client).equals("batch/v1") ? DRIFT : DRIFT_1_20;
  }

  /** The apiVersion/kind pairs of a manifest that the server does not serve. */
  private static List<String> unservedApis(KubernetesClient client, Path manifest) {
    return documents(manifest)
        .filter(
            resource -> {
              var resources = client.getApiResources(resource.getApiVersion());
              return resources == null
                  || resources.getResources().stream()
                      .noneMatch(r -> r.getKind().equals(resource.getKind()));
            })
        .map(r -> r.getApiVersion() + " " + r.getKind())
        .toList();
  }

  /** Creates a manifest's resources as the file has them. */
  private static List<HasMetadata> create(KubernetesClient client, Path manifest, String ns)
      throws IOException {
    try (InputStream in = new ByteArrayInputStream(readString(manifest).getBytes(UTF_8))) {
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
    return documents(manifest)
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst()
        .orElseThrow();
  }

  /** The documents of a multi-document manifest, parsed offline. */
  private static Stream<HasMetadata> documents(Path manifest) {
    return Stream.of(readString(manifest).split("(?m)^---$"))
        .filter(doc -> doc.lines().anyMatch(l -> l.startsWith("kind:")))
        .map(doc -> (HasMetadata) Serialization.unmarshal(doc));
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
