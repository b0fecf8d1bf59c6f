package dev.catalog.apply;

import static dev.catalog.apply.ApplyLifecycleIT.PASSWORD;
import static dev.catalog.testkube.SecretData.decoded;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.catalog.cli.CliRun;
import dev.catalog.config.ServiceBindingLayout;
import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import dev.catalog.testbroker.LedgerBinding;
import dev.catalog.testbroker.ReferenceBroker;
import dev.catalog.testkube.KubeApiServerExtension;
import dev.catalog.testkube.RunningKubeApiServer;
import dev.catalog.testkube.SecondKubeApiServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secret shaping and a cluster per sink (issue 13 items 3, 4, 6) on two real kube-apiservers in one
 * kubeconfig, with the reference broker's nested credentials. catalog runs as the ServiceAccount
 * {@code catalog/catalog} of each cluster holding exactly the Role of
 * examples/kubernetes/secret-sink-rbac.yaml in the target namespace, never as admin; the
 * kubeconfig's current context is a cluster no one listens on, so a run that talked to a cluster
 * its configuration does not name would fail.
 */
@ExtendWith(KubeApiServerExtension.class)
@Timeout(600)
class SecretShapingClustersIT {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private ReferenceBroker broker;
  private RunningKubeApiServer east;
  private RunningKubeApiServer west;
  private KubernetesClient eastAdmin;
  private KubernetesClient westAdmin;
  private String namespace;
  private Path kubeconfig;
  private Path config;
  private final List<String> outputs = new ArrayList<>();

  @BeforeEach
  void start(RunningKubeApiServer first, SecondKubeApiServer second) throws IOException {
    broker =
        ReferenceBroker.start(
            new ReferenceBroker.Options(
                "127.0.0.1", 0, PASSWORD, Clock.systemUTC(), Duration.ZERO));
    east = first;
    west = second.server();
    eastAdmin = east.newClient();
    westAdmin = west.newClient();
    // The same namespace name on both clusters: only the context tells the Secrets apart.
    namespace = east.newNamespace("shaping");
    createNamespace(westAdmin, namespace);
    kubeconfig = twoClusterKubeconfig(account(east, eastAdmin), account(west, westAdmin));
    config = dir.resolve("catalog.yaml");
  }

  @AfterEach
  void stop() {
    eastAdmin.close();
    westAdmin.close();
    broker.close();
  }

  @Test
  void eachSecretGoesToTheClusterOfItsContextShapedAsConfiguredAndDestroyRemovesBoth()
      throws IOException {
    var bindings =
        """
        - name: east-app
          instance: cache
          credentials:
            secret:
              context: east
              namespace: %1$s
              name: cache
              layout: servicebinding
              bindingType: redis
              provider: acme
              transforms:
                - addKey: { key: host, fromPointer: /hosts/0/name }
                - addKey: { key: port, fromPointer: /hosts/0/port }
                - addKey: { key: certificates, fromPointer: /tls/ca }
                - removeKey: hosts
                - removeKey: tls
        - name: west-app
          instance: cache
          credentials:
            secret:
              context: west
              namespace: %1$s
              name: cache
              type: kubernetes.io/basic-auth
              labels: { app.kubernetes.io/part-of: shop, reloader.stakater.com/match: "true" }
              annotations: { argocd.argoproj.io/compare-options: IgnoreExtraneous }
              transforms:
                - addKey: { key: CACHE_HOST_1, fromPointer: /hosts/1/name }
                - addKey: { key: hosts.json, fromPointer: /hosts }
        """
            .formatted(namespace);

    var applied = apply(bindings);

    assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();
    assertThat(applied.out())
        .endsWith("Apply complete! Resources: 3 added, 0 changed, 0 destroyed.\n");
    var eastCredentials = ledgerBinding("east-app").credentials();
    var eastSecret = secret(eastAdmin, "cache");
    assertThat(eastSecret.getType()).isEqualTo("servicebinding.io/redis");
    var eastHost = host(eastCredentials, 0);
    assertThat(decoded(eastSecret))
        .isEqualTo(
            Map.of(
                "type", "redis",
                "provider", "acme",
                "host", eastHost.get("name"),
                "port", "6379",
                "certificates", ((Map<?, ?>) eastCredentials.get("tls")).get("ca"),
                "username", eastCredentials.get("username"),
                "password", eastCredentials.get("password")));
    // Every entry is one the specification reserves or lists as well-known (servicebinding.io).
    var specEntries = new HashSet<>(ServiceBindingLayout.RESERVED_ENTRIES);
    specEntries.addAll(ServiceBindingLayout.WELL_KNOWN_ENTRIES);
    assertThat(specEntries)
        .containsExactlyInAnyOrder(
            "type",
            "provider",
            "host",
            "port",
            "uri",
            "username",
            "password",
            "certificates",
            "private-key");
    assertThat(specEntries).containsAll(decoded(eastSecret).keySet());

    var westCredentials = ledgerBinding("west-app").credentials();
    var westSecret = secret(westAdmin, "cache");
    assertThat(westSecret.getType()).isEqualTo("kubernetes.io/basic-auth");
    assertThat(westSecret.getMetadata().getLabels())
        .isEqualTo(
            Map.of(
                "app.kubernetes.io/part-of", "shop",
                "reloader.stakater.com/match", "true",
                "app.kubernetes.io/managed-by", "catalog",
                "catalog.dev/binding", "west-app"));
    assertThat(westSecret.getMetadata().getAnnotations())
        .containsEntry("argocd.argoproj.io/compare-options", "IgnoreExtraneous")
        .containsEntry("catalog.dev/owner", "binding.west-app");
    var westKeys = decoded(westSecret);
    assertThat(westKeys.get("CACHE_HOST_1")).isEqualTo(host(westCredentials, 1).get("name"));
    assertThat(JSON.readTree(westKeys.get("hosts.json")))
        .isEqualTo(JSON.valueToTree(westCredentials.get("hosts")));
    assertThat(westKeys)
        .containsEntry("username", (String) westCredentials.get("username"))
        .containsEntry("password", (String) westCredentials.get("password"));

    // One Secret per cluster: east's is not on west and west's is not on east.
    assertThat(decoded(eastSecret)).doesNotContainKey("CACHE_HOST_1");
    assertThat(westKeys).doesNotContainKey("provider");

    var destroyed = run("destroy", "--auto-approve");
    assertThat(destroyed.exitCode()).as(destroyed.out() + destroyed.err()).isZero();
    assertThat(secret(eastAdmin, "cache")).isNull();
    assertThat(secret(westAdmin, "cache")).isNull();
    assertThat(broker.ledger().bindings()).isEmpty();
    assertCredentialsAppearNowhereButTheSecrets(List.of(eastCredentials, westCredentials));
  }

  @Test
  void aCredentialKeyNoSecretCanHoldFailsNamingBindingAndKeyAndTheNextApplyDeliversIt()
      throws IOException {
    var bindings =
        """
        - name: odd-app
          instance: cache
          parameters: { extra_key: "session token" }
          credentials:
            secret:
              context: west
              namespace: %s
              name: odd%s
        """;
    var failed = apply(bindings.formatted(namespace, ""));

    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.err())
        .contains(
            "binding.odd-app: credential key \"session token\" cannot be a Kubernetes Secret key"
                + " (only letters, digits, '-', '_' and '.', at most 253 characters); rename or"
                + " remove it with a transform under credentials.secret.transforms"
                + " (docs/credentials.md)\n"
                + "binding.odd-app is bound at broker \"cache\" and recorded in state as not"
                + " delivered: the next apply delivers its credentials (catalog plan lists it)");
    var odd = ledgerBinding("odd-app");
    assertThat(secret(westAdmin, "odd")).isNull();
    assertThat(broker.ledger().bindings()).extracting(LedgerBinding::id).containsExactly(odd.id());

    var fixed =
        apply(
            bindings.formatted(
                namespace,
                "\n"
                    + "      transforms: [ { renameKey: { from: \"session token\", to:"
                    + " session-token } } ]"));

    assertThat(fixed.exitCode()).as(fixed.out() + fixed.err()).isZero();
    assertThat(decoded(secret(westAdmin, "odd")))
        .containsEntry("session-token", (String) odd.credentials().get("session token"));
    assertThat(broker.ledger().bindings()).extracting(LedgerBinding::id).containsExactly(odd.id());
    assertCredentialsAppearNowhereButTheSecrets(List.of(odd.credentials()));
  }

  private CliRun apply(String bindings) throws IOException {
    Files.writeString(
        config,
        """
        apiVersion: catalog/v1
        brokers:
          - name: cache
            url: %s
            auth:
              basic:
                username: admin
                password: { fromEnv: BROKER_PW }
        instances:
          - { name: cache, broker: cache, service: cache, plan: standard }
        bindings:
        %s
        """
            .formatted(broker.baseUrl("nested"), bindings.indent(0)));
    return run("apply", "--auto-approve");
  }

  private CliRun run(String... args) {
    var all = new ArrayList<String>(List.of(args[0], "-f", config.toString()));
    all.addAll(List.of(args).subList(1, args.length));
    var env = Map.of("BROKER_PW", PASSWORD, "CI", "true", "KUBECONFIG", kubeconfig.toString());
    var result = CliRun.run(env, all.toArray(String[]::new));
    outputs.add(result.out());
    outputs.add(result.err());
    return result;
  }

  private LedgerBinding ledgerBinding(String name) {
    var recorded =
        (BindingState) ChildApply.stateIn(dir).resource(Address.binding(name)).orElseThrow();
    return broker.ledger().binding(recorded.bindingId()).orElseThrow();
  }

  private static Map<?, ?> host(Map<String, Object> credentials, int index) {
    return (Map<?, ?>) ((List<?>) credentials.get("hosts")).get(index);
  }

  private Secret secret(KubernetesClient admin, String name) {
    return admin.secrets().inNamespace(namespace).withName(name).get();
  }

  /** Namespace {@code catalog} with ServiceAccount {@code catalog}, and the shipped Role. */
  private Path account(RunningKubeApiServer server, KubernetesClient admin) throws IOException {
    if (admin.namespaces().withName("catalog").get() == null) {
      createNamespace(admin, "catalog");
    }
    Path file = server.serviceAccountKubeconfig("catalog", "catalog");
    try (InputStream in =
        Files.newInputStream(Path.of("examples/kubernetes/secret-sink-rbac.yaml"))) {
      for (HasMetadata resource : admin.load(in).items()) {
        admin.resource(resource).inNamespace(namespace).create();
      }
    }
    return file;
  }

  private static void createNamespace(KubernetesClient admin, String name) {
    admin
        .namespaces()
        .resource(
            new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .build())
        .create();
  }

  /**
   * One kubeconfig with contexts {@code east} and {@code west} (each cluster's ServiceAccount) and
   * a current context {@code nowhere} whose server no one listens on.
   */
  private Path twoClusterKubeconfig(Path eastAccount, Path westAccount) throws IOException {
    var merged = YAML.createObjectNode().put("apiVersion", "v1").put("kind", "Config");
    ArrayNode clusters = merged.putArray("clusters");
    ArrayNode users = merged.putArray("users");
    ArrayNode contexts = merged.putArray("contexts");
    for (var entry : Map.of("east", eastAccount, "west", westAccount).entrySet()) {
      var name = entry.getKey();
      var single = (ObjectNode) YAML.readTree(entry.getValue().toFile());
      clusters
          .addObject()
          .put("name", name)
          .set("cluster", single.get("clusters").get(0).get("cluster"));
      users.addObject().put("name", name).set("user", single.get("users").get(0).get("user"));
      contexts
          .addObject()
          .put("name", name)
          .putObject("context")
          .put("cluster", name)
          .put("user", name);
    }
    clusters
        .addObject()
        .put("name", "nowhere")
        .putObject("cluster")
        .put("server", "https://127.0.0.1:9");
    contexts
        .addObject()
        .put("name", "nowhere")
        .putObject("context")
        .put("cluster", "nowhere")
        .put("user", "east");
    merged.put("current-context", "nowhere");
    Path file = dir.resolve("kubeconfig.yaml");
    YAML.writeValue(file.toFile(), merged);
    return file;
  }

  private void assertCredentialsAppearNowhereButTheSecrets(List<Map<String, Object>> credentials)
      throws IOException {
    var written = new ArrayList<String>(outputs);
    try (Stream<Path> files = Files.walk(dir)) {
      for (var file : files.filter(Files::isRegularFile).toList()) {
        written.add(Files.readString(file, StandardCharsets.ISO_8859_1));
      }
    }
    for (var binding : credentials) {
      var values = new ArrayList<String>();
      values.add((String) binding.get("password"));
      values.add((String) ((Map<?, ?>) binding.get("tls")).get("ca"));
      binding.forEach(
          (k, v) -> {
            if (k.contains(" ")) values.add((String) v);
          });
      for (var value : values) {
        assertThat(written).noneMatch(text -> text.contains(value));
      }
    }
  }
}
