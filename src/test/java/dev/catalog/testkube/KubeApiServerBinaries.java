package dev.catalog.testkube;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.opentest4j.TestAbortedException;

/**
 * Where {@code .ci/install-kube-apiserver.sh} put kube-apiserver, etcd and kubectl, in the layout
 * fabric8 kube-api-test reads in offline mode: {@code <dir>/k8s/<version>-linux-amd64/}.
 *
 * @param directory the version directory holding the three binaries
 */
public record KubeApiServerBinaries(Path directory) {
  /** The Kubernetes version Debian bookworm's source package builds. */
  public static final String VERSION = "1.20.2";

  static final List<String> NAMES = List.of("kube-apiserver", "etcd", "kubectl");

  /**
   * The cache directory: system property {@code catalog.kube.dir}, else {@code CATALOG_KUBE_DIR},
   * else {@code ~/.cache/catalog/kube}, as the install script chooses it.
   */
  public static Path cacheDirectory(Map<String, String> env) {
    String configured = System.getProperty("catalog.kube.dir", env.get("CATALOG_KUBE_DIR"));
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "catalog", "kube");
  }

  /** The binaries when all three are there and executable. */
  public static Optional<KubeApiServerBinaries> find(Path cacheDirectory) {
    Path dir = cacheDirectory.resolve("k8s").resolve(VERSION + "-linux-amd64");
    boolean complete = NAMES.stream().allMatch(name -> Files.isExecutable(dir.resolve(name)));
    return complete ? Optional.of(new KubeApiServerBinaries(dir)) : Optional.empty();
  }

  /**
   * The binaries under {@code cacheDirectory}; when they are missing the calling test is skipped
   * with a message saying how to build them, or fails when {@code CI=true}, where a skipped
   * Kubernetes test would hide a broken install step.
   */
  public static KubeApiServerBinaries require(Path cacheDirectory, Map<String, String> env) {
    Optional<KubeApiServerBinaries> found = find(cacheDirectory);
    if (found.isPresent()) {
      return found.get();
    }
    String message =
        "No kube-apiserver, etcd and kubectl "
            + VERSION
            + " in "
            + cacheDirectory
            + "/k8s/"
            + VERSION
            + "-linux-amd64; build them with .ci/install-kube-apiserver.sh (about"
            + " 5 minutes, once).";
    if ("true".equalsIgnoreCase(env.get("CI"))) {
      throw new ExtensionConfigurationException(
          "CI=true and the Kubernetes tests cannot run: " + message);
    }
    throw new TestAbortedException(message);
  }

  Path binary(String name) {
    return directory.resolve(name);
  }
}
