package dev.catalog.testkube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class KubeApiServerBinariesTest {
  @TempDir Path cache;

  @Test
  void missingBinariesSkipTheTestWithHowToBuildThem() {
    assertThatThrownBy(() -> KubeApiServerBinaries.require(cache, Map.of()))
        .isInstanceOf(TestAbortedException.class)
        .hasMessage(
            "No kube-apiserver, etcd and kubectl 1.20.2 in "
                + cache
                + "/k8s/1.20.2-linux-amd64;"
                + " build them with .ci/install-kube-apiserver.sh (about 5 minutes, once).");
  }

  @Test
  void missingBinariesFailTheTestOnCi() {
    assertThatThrownBy(() -> KubeApiServerBinaries.require(cache, Map.of("CI", "true")))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "CI=true and the Kubernetes tests cannot run: No kube-apiserver, etcd and kubectl"
                + " 1.20.2 in "
                + cache
                + "/k8s/1.20.2-linux-amd64; build them with"
                + " .ci/install-kube-apiserver.sh (about 5 minutes, once).");
  }

  @Test
  void aMissingKubectlCountsAsMissing() throws IOException {
    Path dir = Files.createDirectories(cache.resolve("k8s/1.20.2-linux-amd64"));
    executable(dir.resolve("kube-apiserver"));
    executable(dir.resolve("etcd"));

    assertThat(KubeApiServerBinaries.find(cache)).isEmpty();
  }

  @Test
  void allThreeExecutablesAreFoundInKubeApiTestsOfflineLayout() throws IOException {
    Path dir = Files.createDirectories(cache.resolve("k8s/1.20.2-linux-amd64"));
    for (String name : new String[] {"kube-apiserver", "etcd", "kubectl"}) {
      executable(dir.resolve(name));
    }

    assertThat(KubeApiServerBinaries.require(cache, Map.of("CI", "true")).directory())
        .isEqualTo(dir);
  }

  private static void executable(Path file) throws IOException {
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
