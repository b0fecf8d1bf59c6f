package dev.catalog.bench;

import dev.catalog.testkube.KubeApiServerBinaries;
import dev.catalog.testkube.RunningKubeApiServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The Kubernetes Secret scenario of bench/run.sh (issue 18): a real kube-apiserver, and the floor
 * catalog's apply of 1,000 bindings into Secrets is compared with.
 *
 * <ul>
 *   <li>{@code serve DIR NS...}: starts kube-apiserver and etcd from the binaries in
 *       ~/.cache/catalog/kube, creates the namespaces, writes {@code DIR/kubeconfig.yaml} and then
 *       {@code DIR/ready}; runs until killed (its shutdown hook stops both servers).
 *   <li>{@code loop KUBECONFIG NS COUNT PARALLELISM}: the bare fabric8 loop, {@code COUNT}
 *       Secrets created by {@code PARALLELISM} threads sharing one client, named as the generator
 *       names the bindings ({@code db-I-appB}); prints the seconds it took.
 * </ul>
 *
 * Exits 3 from {@code serve} when the binaries are missing, so the script can skip the scenario.
 */
public final class KubeSecretBench {
  private KubeSecretBench() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "serve" -> serve(Path.of(args[1]), List.of(args).subList(2, args.length));
      case "loop" -> loop(
          Path.of(args[1]), args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
      default -> throw new IllegalArgumentException("serve DIR NS... | loop KUBECONFIG NS N PAR");
    }
  }

  private static void serve(Path dir, List<String> namespaces) throws Exception {
    var binaries = KubeApiServerBinaries.find(KubeApiServerBinaries.cacheDirectory(System.getenv()));
    if (binaries.isEmpty()) {
      System.err.println("no kube-apiserver binaries: run .ci/install-kube-apiserver.sh");
      System.exit(3);
    }
    var server = RunningKubeApiServer.start(binaries.get());
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    try (var client = server.newClient()) {
      for (var ns : namespaces) {
        client
            .namespaces()
            .resource(
                new NamespaceBuilder()
                    .withNewMetadata()
                    .withName(ns)
                    .endMetadata()
                    .build())
            .create();
      }
    }
    Files.copy(server.kubeconfig(), dir.resolve("kubeconfig.yaml"));
    Files.writeString(dir.resolve("ready"), "ready\n");
    Thread.sleep(Long.MAX_VALUE);
  }

  private static void loop(Path kubeconfig, String namespace, int count, int parallelism)
      throws Exception {
    long started = System.nanoTime();
    var config = Config.fromKubeconfig(null, kubeconfig.toFile());
    var data =
        Map.of(
            "uri",
            Base64.getEncoder().encodeToString("pg://x".getBytes(StandardCharsets.UTF_8)));
    ExecutorService pool = Executors.newFixedThreadPool(parallelism);
    try (var client = new KubernetesClientBuilder().withConfig(config).build()) {
      var futures = new ArrayList<Future<?>>();
      for (int i = 0; i < count / 2; i++) {
        for (int b = 0; b < 2; b++) {
          var name = "db-" + i + "-app" + b;
          futures.add(
              pool.submit(
                  () ->
                      client
                          .secrets()
                          .inNamespace(namespace)
                          .resource(
                              new SecretBuilder()
                                  .withNewMetadata()
                                  .withName(name)
                                  .endMetadata()
                                  .withData(data)
                                  .build())
                          .create()));
        }
      }
      for (var f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    System.out.printf("%.2f%n", (System.nanoTime() - started) / 1e9);
  }

}
