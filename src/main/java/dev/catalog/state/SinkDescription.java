package dev.catalog.state;

import java.util.Objects;

/** Where a binding's credentials were delivered; never the credentials themselves. */
public sealed interface SinkDescription {

  /**
   * A Kubernetes Secret.
   *
   * @param namespace its namespace
   * @param name its name
   */
  record KubernetesSecret(String namespace, String name) implements SinkDescription {
    public KubernetesSecret {
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(name, "name");
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
