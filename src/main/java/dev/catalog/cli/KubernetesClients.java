package dev.catalog.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.File;
import java.util.Optional;
import java.util.function.Function;
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
    return () -> forContext(env).apply(Optional.empty());
  }

  /**
   * The client of a kubeconfig context's cluster (empty: the current context), for Secret sinks
   * that name one (issue 13). Contexts are checked to exist when the configuration is loaded.
   */
  static Function<Optional<String>, KubernetesClient> forContext(CliEnvironment env) {
    return context -> {
      var kubeconfig = env.env().getOrDefault("KUBECONFIG", "");
      if (!kubeconfig.isBlank() && !kubeconfig.contains(File.pathSeparator)) {
        return new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(context.orElse(null), new File(kubeconfig)))
            .build();
      }
      if (context.isPresent()) {
        return new KubernetesClientBuilder()
            .withConfig(Config.autoConfigure(context.get()))
            .build();
      }
      return new KubernetesClientBuilder().build();
    };
  }
}
