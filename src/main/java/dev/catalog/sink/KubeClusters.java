package dev.catalog.sink;

import dev.catalog.KubeTimeoutException;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** How sink messages name a cluster: its URL, the kubeconfig file and context it came from. */
final class KubeClusters {
  private KubeClusters() {}

  /**
   * {@code the cluster at URL (context "C" of kubeconfig FILE)}, or {@code (in-cluster service
   * account)} when no kubeconfig was read.
   */
  static String describe(KubernetesClient client) {
    Config config = client.getConfiguration();
    String context =
        config.getCurrentContext() == null ? null : config.getCurrentContext().getName();
    String source;
    if (config.getFile() != null) {
      source =
          (context == null ? "" : "context \"" + context + "\" of ")
              + "kubeconfig "
              + config.getFile();
    } else {
      source = "no kubeconfig: KUBECONFIG unset and no ~/.kube/config; in-cluster account";
    }
    return "the cluster at " + client.getMasterUrl() + " (" + source + ")";
  }

  /** An API failure: unreachable (no HTTP status), or the server's status and message. */
  static String unreachableOrFailed(String cluster, KubernetesClientException e) {
    var timeout = KubeTimeoutException.in(e);
    if (timeout.isPresent()) {
      return cluster + " did not answer in time: " + timeout.get().getMessage();
    }
    if (e.getCode() <= 0) {
      return cluster + " is unreachable: " + root(e) + "; check KUBECONFIG and its current context";
    }
    String reason =
        e.getStatus() != null && e.getStatus().getMessage() != null
            ? e.getStatus().getMessage()
            : "no reason given";
    return cluster + " answered HTTP " + e.getCode() + ": " + reason;
  }

  private static String root(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
