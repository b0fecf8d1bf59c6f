package dev.catalog.state;

import java.util.Objects;
import java.util.Optional;

/** Where a binding's credentials were delivered; never the credentials themselves. */
public sealed interface SinkDescription {

  /**
   * A Kubernetes Secret.
   *
   * @param context the kubeconfig context of its cluster as configured; empty for the current one
   * @param namespace its namespace
   * @param name its name
   */
  record KubernetesSecret(Optional<String> context, String namespace, String name)
      implements SinkDescription {
    public KubernetesSecret {
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(name, "name");
    }

    /** A Secret in the current context's cluster. */
    public KubernetesSecret(String namespace, String name) {
      this(Optional.empty(), namespace, name);
    }
  }

  /**
   * A file on the machine running catalog.
   *
   * @param path its path as configured
   */
  record File(String path) implements SinkDescription {
    public File {
      Objects.requireNonNull(path, "path");
    }
  }
}
