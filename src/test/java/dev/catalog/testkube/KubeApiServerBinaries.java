package dev.catalog.testkube;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  Path binary(String name) {
    return directory.resolve(name);
  }
}
