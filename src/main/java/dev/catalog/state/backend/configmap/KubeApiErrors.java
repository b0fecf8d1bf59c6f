package dev.catalog.state.backend.configmap;

import dev.catalog.CatalogException;
import dev.catalog.KubeTimeoutException;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** Turns Kubernetes API failures into messages that say what to do about them. */
final class KubeApiErrors {
  static final int NOT_FOUND = 404;
  static final int CONFLICT = 409;

  private KubeApiErrors() {}

  /**
   * @param action what was being done, e.g. {@code update ConfigMap shop/catalog-state}
   */
  static CatalogException failed(String action, KubernetesClientException e) {
    int code = e.getCode();
    String reason =
        e.getStatus() != null && e.getStatus().getMessage() != null
            ? e.getStatus().getMessage()
            : String.valueOf(e.getMessage());
    if (code == 401 || code == 403) {
      return new CatalogException(
          "Kubernetes refused to "
              + action
              + " (HTTP "
              + code
              + "): "
              + reason
              + "; grant the permissions in state-backends/configmap/rbac.yaml",
          e);
    }
    var timeout = KubeTimeoutException.in(e);
    if (timeout.isPresent()) {
      return new CatalogException(
          "Kubernetes did not answer in time to " + action + ": " + timeout.get().getMessage(), e);
    }
    if (code <= 0) {
      return new CatalogException(
          "cannot reach the Kubernetes API to " + action + ": " + rootMessage(e), e);
    }
    return new CatalogException(
        "Kubernetes failed to " + action + " (HTTP " + code + "): " + reason, e);
  }

  static boolean is(KubernetesClientException e, int code) {
    return e.getCode() == code;
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
