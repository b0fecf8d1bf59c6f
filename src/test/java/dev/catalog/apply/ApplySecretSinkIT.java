package dev.catalog.apply;

import static dev.catalog.apply.ApplyLifecycleIT.PASSWORD;
import static dev.catalog.apply.ApplyLifecycleIT.db;
import static dev.catalog.apply.ApplyLifecycleIT.queue;
import static dev.catalog.apply.ApplyLifecycleIT.yaml;
import static dev.catalog.testkube.SecretData.decoded;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.cli.CliRun;
import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import dev.catalog.state.InstanceState;
import dev.catalog.state.State;
import dev.catalog.testbroker.LedgerBinding;
import dev.catalog.testbroker.LedgerInstance;
import dev.catalog.testbroker.ReferenceBroker;
import dev.catalog.testkube.KubeApiServerExtension;
import dev.catalog.testkube.RunningKubeApiServer;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code catalog apply} delivering binding credentials to Kubernetes Secrets on a real
 * kube-apiserver (the one the ConfigMap backend tests use): created with their keys, transforms,
 * labels and owner annotation; deleted on unbind, created afresh on rebind, deleted by destroy; the
 * broker's ledger equal to the configuration after every apply; the credentials nowhere but in the
 * Secrets.
 */
@ExtendWith(KubeApiServerExtension.class)
@Timeout(300)
class ApplySecretSinkIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private ReferenceBroker broker;
  private KubernetesClient kube;
  private String namespace;
  private Path kubeconfig;
  private Path config;
  private final List<String> outputs = new ArrayList<>();

  @BeforeEach
  void start(RunningKubeApiServer server) {
    broker =
        ReferenceBroker.start(
            new ReferenceBroker.Options(
                "127.0.0.1", 0, PASSWORD, Clock.systemUTC(), Duration.ZERO));
    kube = server.newClient();
    namespace = server.newNamespace("apply");
    kubeconfig = server.kubeconfig();
    config = dir.resolve("catalog.yaml");
  }

  @AfterEach
  void stop() {
    kube.close();
    broker.close();
  }

  private String ordersApp() {
    return """
           - name: orders-app
             instance: orders-db
             credentials:
               secret:
                 namespace: %s
                 name: orders-db
                 transforms:
                   - renameKey: { from: uri, to: DATABASE_URL }
                   - addKey: { key: POOL_SIZE, value: "10" }
                   - removeKey: username
                   - jsonKey: credentials.json
           """
        .formatted(namespace);
  }

  private String eventsApp() {
    return """
           - name: events-app
             instance: events
             credentials:
               secret: { namespace: %s, name: events }
           """
        .formatted(namespace);
  }

  @Test
  void applyWritesSecretsAndUnbindRebindAndDestroyRemoveAndRecreateThem() throws IOException {
    var instances = db("orders-db", "small", 20) + queue("events");

    var created = apply(instances, ordersApp() + eventsApp());

    assertThat(created.exitCode()).as(created.out() + created.err()).isZero();
    assertThat(created.out())
        .endsWith("Apply complete! Resources: 4 added, 0 changed, 0 destroyed.\n");
    assertLedgerMatchesState(2, 2);
    var orders = ledgerBinding("orders-app");
    var ordersSecret = secret("orders-db");
    var ordersKeys = decoded(ordersSecret);
    var transformed =
        Map.of(
            "DATABASE_URL", orders.credentials().get("uri"),
            "password", orders.credentials().get("password"),
            "POOL_SIZE", "10");
    // jsonKey holds the object as it was at that point of the list, in the broker's key order.
    assertThat(JSON.readValue(ordersKeys.remove("credentials.json"), Map.class))
        .isEqualTo(transformed);
    assertThat(ordersKeys).isEqualTo(transformed);
    assertThat(ordersSecret.getMetadata().getLabels())
        .isEqualTo(
            Map.of("app.kubernetes.io/managed-by", "catalog", "catalog.dev/binding", "orders-app"));
    assertThat(ordersSecret.getMetadata().getAnnotations())
        .containsEntry("catalog.dev/owner", "binding.orders-app");
    var events = ledgerBinding("events-app");
    assertThat(decoded(secret("events"))).isEqualTo(stringsOf(events.credentials()));
    assertThat(secret("events").getMetadata().getAnnotations())
        .containsEntry("catalog.dev/owner", "binding.events-app");

    var unbound = apply(instances, eventsApp());
    assertThat(unbound.out())
        .endsWith("Apply complete! Resources: 0 added, 0 changed, 1 destroyed.\n");
    assertThat(secret("orders-db")).isNull();
    assertThat(secret("events")).isNotNull();
    assertLedgerMatchesState(2, 1);

    var rebound = apply(instances, ordersApp() + eventsApp());
    assertThat(rebound.out())
        .endsWith("Apply complete! Resources: 1 added, 0 changed, 0 destroyed.\n");
    var again = ledgerBinding("orders-app");
    assertThat(again.id()).isNotEqualTo(orders.id());
    assertThat(decoded(secret("orders-db")))
        .containsEntry("password", String.valueOf(again.credentials().get("password")));
    assertLedgerMatchesState(2, 2);

    var destroyed = run("destroy", "--auto-approve");
    assertThat(destroyed.exitCode()).as(destroyed.out() + destroyed.err()).isZero();
    assertThat(destroyed.out())
        .endsWith("Destroy complete! Resources: 4 destroyed.\n");
    assertThat(secret("orders-db")).isNull();
    assertThat(secret("events")).isNull();
    assertThat(broker.ledger().instances()).isEmpty();
    assertThat(broker.ledger().bindings()).isEmpty();

    assertCredentialsAppearNowhereButTheSecrets(List.of(orders, events, again));
  }

  private CliRun apply(String instances, String bindings) throws IOException {
    Files.writeString(config, yaml(broker, instances, bindings));
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

  private State state() {
    return ChildApply.stateIn(dir);
  }

  private LedgerBinding ledgerBinding(String name) {
    var recorded = (BindingState) state().resource(Address.binding(name)).orElseThrow();
    return broker.ledger().binding(recorded.bindingId()).orElseThrow();
  }

  /** The ledger holds exactly the instances and bindings state records, all ready. */
  private void assertLedgerMatchesState(int instances, int bindings) {
    var state = state();
    var recordedInstances =
        state.resources().values().stream()
            .filter(InstanceState.class::isInstance)
            .map(r -> ((InstanceState) r).instanceId())
            .collect(Collectors.toSet());
    var recordedBindings =
        state.resources().values().stream()
            .filter(BindingState.class::isInstance)
            .map(r -> ((BindingState) r).bindingId())
            .collect(Collectors.toSet());
    assertThat(broker.ledger().instances())
        .extracting(LedgerInstance::id)
        .hasSize(instances)
        .containsExactlyInAnyOrderElementsOf(recordedInstances);
    assertThat(broker.ledger().instances())
        .extracting(LedgerInstance::status)
        .containsOnly(LedgerInstance.Status.READY);
    assertThat(broker.ledger().bindings())
        .extracting(LedgerBinding::id)
        .hasSize(bindings)
        .containsExactlyInAnyOrderElementsOf(recordedBindings);
    assertThat(state.inFlight()).isEmpty();
  }

  private void assertCredentialsAppearNowhereButTheSecrets(List<LedgerBinding> bindings)
      throws IOException {
    var written = new ArrayList<String>(outputs);
    try (Stream<Path> files = Files.walk(dir)) {
      for (var file : files.filter(Files::isRegularFile).toList()) {
        written.add(Files.readString(file, StandardCharsets.ISO_8859_1));
      }
    }
    for (var binding : bindings) {
      for (var secret : List.of("uri", "password")) {
        var value = String.valueOf(binding.credentials().get(secret));
        assertThat(written).as(secret).noneMatch(text -> text.contains(value));
      }
    }
  }

  private Secret secret(String name) {
    return kube.secrets().inNamespace(namespace).withName(name).get();
  }

  private static Map<String, String> stringsOf(Map<String, Object> credentials) {
    var strings = new TreeMap<String, String>();
    credentials.forEach((k, v) -> strings.put(k, String.valueOf(v)));
    return strings;
  }
}
