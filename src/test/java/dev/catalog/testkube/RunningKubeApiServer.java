package dev.catalog.testkube;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One real kube-apiserver with its etcd, started from local binaries on loopback ports, with an
 * admin kubeconfig (client certificate in {@code system:masters}).
 */
public final class RunningKubeApiServer implements AutoCloseable {
  private final Path workDirectory;
  private final KubeAPIServer server;
  private final Path kubeconfig;
  private final ApiServerLog log;

  private RunningKubeApiServer(
      Path workDirectory, KubeAPIServer server, Path kubeconfig, ApiServerLog log) {
    this.workDirectory = workDirectory;
    this.server = server;
    this.kubeconfig = kubeconfig;
    this.log = log;
  }

  /**
   * Starts the server in kube-api-test's offline mode, configured through its API: its offline
   * environment variable is read as a string and cast to Boolean, which fails.
   */
  public static RunningKubeApiServer start(KubeApiServerBinaries binaries) throws IOException {
    Path work = Files.createTempDirectory("catalog-kube-api-");
    Path versionDir = work.resolve("k8s").resolve(binaries.directory().getFileName());
    Files.createDirectories(versionDir);
    var log = new ApiServerLog(work.resolve("kube-apiserver.log"));
    log.writeWrapper(versionDir.resolve("kube-apiserver"), binaries.binary("kube-apiserver"));
    Files.createSymbolicLink(versionDir.resolve("kubectl"), binaries.binary("kubectl"));
    writeLoopbackEtcd(versionDir.resolve("etcd"), binaries.binary("etcd"));
    KubeAPIServer server =
        new KubeAPIServer(
            KubeAPIServerConfigBuilder.anAPIServerConfig()
                .withTestDir(work.toString())
                .withApiServerVersion(KubeApiServerBinaries.VERSION)
                .withOfflineMode(true)
                .withUpdateKubeConfig(false)
                .withWaitForEtcdHealthCheckOnStartup(true)
                // Two shared cores: a cold start of etcd and the apiserver can take a while.
                .withStartupTimeout(180_000)
                .withApiServerFlag("--bind-address", "127.0.0.1")
                .withApiServerFlag("--advertise-address", "127.0.0.1")
                .withApiServerFlag("--insecure-port", "0")
                .build());
    try {
      server.start();
    } catch (RuntimeException e) {
      server.stop();
      throw e;
    }
    Path kubeconfig = work.resolve("kubeconfig.yaml");
    Files.writeString(kubeconfig, server.getKubeConfigYaml());
    return new RunningKubeApiServer(work, server, kubeconfig, log);
  }

  /**
   * kube-api-test starts etcd listening on 0.0.0.0; this wrapper rewrites those URLs to 127.0.0.1
   * so tests use loopback only (the apiserver's 0.0.0.0 etcd URL reaches it there).
   */
  private static void writeLoopbackEtcd(Path wrapper, Path etcd) throws IOException {
    String script =
        "#!/bin/sh\n"
            + "for arg do\n"
            + "  shift\n"
            + "  set -- \"$@\" \"$(printf '%s' \"$arg\" | sed"
            + " 's#//0\\.0\\.0\\.0:#//127.0.0.1:#g')\"\n"
            + "done\n"
            + "exec '"
            + etcd
            + "' \"$@\"\n";
    Files.writeString(wrapper, script);
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** The server's own log (its stderr), scanned for panics after each test. */
  public ApiServerLog log() {
    return log;
  }

  /** An admin kubeconfig file (certificates referenced by path). */
  public Path kubeconfig() {
    return kubeconfig;
  }

  /** The admin kubeconfig as YAML. */
  public String kubeconfigYaml() {
    return server.getKubeConfigYaml();
  }

  /** A new admin client; the caller closes it. */
  public KubernetesClient newClient() {
    return new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(null, kubeconfig.toFile()))
        .build();
  }

  /** Creates a namespace with a unique name starting with {@code prefix}, for test isolation. */
  public String newNamespace(String prefix) {
    String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    try (KubernetesClient client = newClient()) {
      client
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
          .create();
    }
    return name;
  }

  /**
   * Creates ServiceAccount {@code account} in {@code namespace} (no rights but those of any
   * authenticated user) and returns a kubeconfig that authenticates as it with a token.
   */
  public Path serviceAccountKubeconfig(String namespace, String account) {
    try (KubernetesClient admin = newClient()) {
      var accounts = admin.serviceAccounts().inNamespace(namespace);
      if (accounts.withName(account).get() == null) {
        accounts
            .resource(
                new ServiceAccountBuilder().withNewMetadata().withName(account).endMetadata().build())
            .create();
      }
      String token = accounts.withName(account).tokenRequest().getStatus().getToken();
      ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
      ObjectNode config = (ObjectNode) yaml.readTree(kubeconfigYaml());
      ObjectNode user = (ObjectNode) config.get("users").get(0);
      user.putObject("user").put("token", token);
      Path file = Files.createTempFile(workDirectory, account + "-", ".kubeconfig.yaml");
      yaml.writeValue(file.toFile(), config);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A directory that lives as long as the server, for kubeconfig variants and the like. */
  public Path workDirectory() {
    return workDirectory;
  }

  @Override
  public void close() {
    server.stop();
    try (Stream<Path> paths = Files.walk(workDirectory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
