package dev.catalog.state.backend.configmap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.testkube.RunningKubeApiServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * state-backends/configmap/rbac.yaml, applied as documented, and a kubeconfig acting as its
 * ServiceAccount: tests that run as this account prove the documented Role is enough.
 */
final class DocumentedRole {
  static final Path MANIFEST = Path.of("state-backends/configmap/rbac.yaml");

  private DocumentedRole() {}

  /** Applies the manifest in {@code namespace}; returns a kubeconfig for its {@code catalog}. */
  static Path grant(RunningKubeApiServer server, String namespace) {
    try (var admin = server.newClient();
        InputStream manifest = Files.newInputStream(MANIFEST)) {
      var created = admin.load(manifest).inNamespace(namespace).create();
      assertThat(created)
          .extracting(HasMetadata::getKind)
          .containsExactly("ServiceAccount", "Role", "RoleBinding");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return server.serviceAccountKubeconfig(namespace, "catalog");
  }
}
