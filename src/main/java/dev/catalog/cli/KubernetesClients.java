package dev.catalog.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.File;
import java.util.function.Supplier;

/**
 * Opens the Kubernetes client for Secret sinks and {@code fromSecret} references. A single file in
 * the command's {@code KUBECONFIG} is read from the command's environment (not the JVM's), as every
 * other variable is; otherwise fabric8's usual discovery applies (a {@code KUBECONFIG} list, {@code
 * ~/.kube/config}, the in-cluster service account).
 */
final class KubernetesClients {
  private KubernetesClients() {}

  /** A supplier that connects when first asked: most runs never need Kubernetes. */
  static Supplier<KubernetesClient> from(CliEnvironment env) {
    return () -> {
      var kubeconfig = env.env().getOrDefault("KUBECONFIG", "");
      if (!kubeconfig.isBlank() && !kubeconfig.contains(File.pathSeparator)) {
        return new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(null, new File(kubeconfig)))
            .build();
      }
      return new KubernetesClientBuilder().build();
    };
  }
}
