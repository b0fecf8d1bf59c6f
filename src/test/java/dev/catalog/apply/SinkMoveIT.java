package dev.catalog.apply;

import static dev.catalog.apply.ApplyLifecycleIT.PASSWORD;
import static dev.catalog.apply.ApplyLifecycleIT.db;
import static dev.catalog.apply.ApplyLifecycleIT.queue;
import static dev.catalog.apply.ApplyLifecycleIT.yaml;
import static dev.catalog.testkube.SecretData.decoded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.cli.CliRun;
import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import dev.catalog.state.State;
import dev.catalog.testbroker.LedgerBinding;
import dev.catalog.testbroker.ReferenceBroker;
import dev.catalog.testkube.KubeApiServerExtension;
import dev.catalog.testkube.RunningKubeApiServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 items 1 and 2 end to end, against the reference broker and a real kube-apiserver, with
 * catalog running as a ServiceAccount that holds only the Role examples/kubernetes/ ships: a sink
 * change is planned and applied as a move (new sink written, old one removed, the binding kept),
 * and a sink changed outside of catalog is reported as drift and restored; a Secret catalog does
 * not own is never overwritten. No credential reaches any output or the state.
 */
@ExtendWith(KubeApiServerExtension.class)
@Timeout(300)
class SinkMoveIT {
  @TempDir Path dir;
  private RunningKubeApiServer server;
  private ReferenceBroker broker;
  private KubernetesClient kube;
  private String namespace;
  private Path kubeconfig;
  private Path config;
  private final List<String> outputs = new ArrayList<>();

  @BeforeEach
  void start(RunningKubeApiServer server) throws IOException {
    this.server = server;
    broker =
        ReferenceBroker.start(
            new ReferenceBroker.Options(
                "127.0.0.1", 0, PASSWORD, Clock.systemUTC(), Duration.ZERO));
    kube = server.newClient();
    namespace = server.newNamespace("sinks");
    kubeconfig = server.serviceAccountKubeconfig(namespace, "catalog");
    grantDocumentedRole(namespace);
    config = dir.resolve("catalog.yaml");
  }

  @AfterEach
  void stop() {
    kube.close();
    broker.close();
  }

  /** The shipped Role and RoleBinding, as docs/credentials.md tells users to apply them. */
  private void grantDocumentedRole(String target) throws IOException {
    try (InputStream in =
        Files.newInputStream(Path.of("examples/kubernetes/secret-sink-rbac.yaml"))) {
      for (HasMetadata resource : kube.load(in).items()) {
        if (resource instanceof RoleBinding binding) {
          binding.getSubjects().forEach(s -> s.setNamespace(namespace)); // shipped: "catalog"
        }
        kube.resource(resource).inNamespace(target).create();
      }
    }
  }

  private static String secretSink(String namespace, String name) {
    return """
    - name: app
      instance: %%s
      credentials:
        secret:
          namespace: %s
          name: %s
    """
        .formatted(namespace, name);
  }

  private void configure(String instances, String instance, String sink) throws IOException {
    Files.writeString(config, yaml(broker, instances, sink.formatted(instance)));
  }

  @Test
  void aRenamedSecretIsPlannedAsAMoveAndApplyWritesTheNewOneThenDeletesTheOld() throws IOException {
    var instances = db("orders-db", "small", 20);
    configure(instances, "orders-db", secretSink(namespace, "orders-db"));
    assertThat(run("apply", "--auto-approve").exitCode()).isZero();
    var before = recorded();
    configure(instances, "orders-db", secretSink(namespace, "orders-db-v2"));

    var plan = run("plan", "--detailed-exitcode");

    assertThat(plan.exitCode()).as(plan.out() + plan.err()).isEqualTo(2);
    assertThat(plan.out())
        .contains(
            "  # binding.app will be updated in place (its credentials sink changed)\n"
                + "  ~ binding.app (broker \"data\")\n"
                + "      ~ credentials = \"secret "
                + namespace
                + "/orders-db\" -> \"secret "
                + namespace
                + "/orders-db-v2\"\n"
                + "      + credentials_source = \"read again from the broker (GET binding; the"
                + " offering is bindings_retrievable)\"\n")
        .endsWith("Plan: 0 to add, 1 to change, 0 to destroy.\n");

    var apply = run("apply", "--auto-approve");

    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out())
        .endsWith("Apply complete! Resources: 0 added, 1 changed, 0 destroyed.\n");
    assertThat(secret(namespace, "orders-db")).isNull();
    var ledger = onlyBinding(before.bindingId());
    assertThat(decoded(secret(namespace, "orders-db-v2")))
        .containsEntry("password", String.valueOf(ledger.credentials().get("password")));
    assertThat(recorded().sink().orElseThrow().toString()).contains("orders-db-v2");
    assertThat(run("plan", "--detailed-exitcode").exitCode()).isZero();
    assertCredentialsNowhere(ledger);
  }

  @Test
  void aNamespaceMoveOfABindingTheBrokerCannotReturnCopiesTheCurrentSecret() throws IOException {
    var other = server.newNamespace("sinks-to");
    grantDocumentedRole(other);
    configure(queue("events"), "events", secretSink(namespace, "events"));
    assertThat(run("apply", "--auto-approve").exitCode()).isZero();
    var before = recorded();
    var delivered = decoded(secret(namespace, "events"));
    configure(queue("events"), "events", secretSink(other, "events"));

    var plan = run("plan", "--detailed-exitcode");

    assertThat(plan.exitCode()).as(plan.out() + plan.err()).isEqualTo(2);
    assertThat(plan.out())
        .contains(
            "      + credentials_source = \"copied from the current sink, whose content still"
                + " matches what was delivered\"\n");
    var apply = run("apply", "--auto-approve");

    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(secret(namespace, "events")).isNull();
    assertThat(decoded(secret(other, "events"))).isEqualTo(delivered);
    var ledger = onlyBinding(before.bindingId());
    assertThat(run("plan", "--detailed-exitcode").exitCode()).isZero();
    assertCredentialsNowhere(ledger);
  }

  @Test
  void aSecretMovedToAFileOfABindingTheBrokerCannotReturnKeepsItsCredentials() throws IOException {
    configure(queue("events"), "events", secretSink(namespace, "events"));
    assertThat(run("apply", "--auto-approve").exitCode()).isZero();
    var before = recorded();
    var file = dir.resolve("out/events.json");
    Files.writeString(
        config,
        yaml(
            broker,
            queue("events"),
            """
            - name: app
              instance: events
              credentials:
                file: { path: out/events.json }
            """));

    var plan = run("plan", "--detailed-exitcode");

    assertThat(plan.exitCode()).as(plan.out() + plan.err()).isEqualTo(2);
    assertThat(plan.out())
        .contains(
            "      ~ credentials = \"secret " + namespace + "/events\" -> \"file " + file + "\"\n");
    var apply = run("apply", "--auto-approve");

    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(secret(namespace, "events")).isNull();
    var ledger = onlyBinding(before.bindingId());
    assertThat(Files.readString(file))
        .contains("\"password\" : \"" + ledger.credentials().get("password") + "\"");
    assertThat(run("plan", "--detailed-exitcode").exitCode()).isZero();
    assertCredentialsNowhere(ledger);
  }

  @Test
  void aDeletedSecretIsDriftThatDriftExitsTwoOnAndApplyRestores() throws IOException {
    configure(db("orders-db", "small", 20), "orders-db", secretSink(namespace, "orders-db"));
    assertThat(run("apply", "--auto-approve").exitCode()).isZero();
    var before = recorded();
    kube.secrets().inNamespace(namespace).withName("orders-db").delete();

    var drift = run("drift");

    assertThat(drift.exitCode()).as(drift.out() + drift.err()).isEqualTo(2);
    assertThat(drift.out())
        .isEqualTo(
            "Note: credentials sinks have changed outside of catalog\n\n"
                + "  # binding.app: credentials secret "
                + namespace
                + "/orders-db has been deleted outside of catalog\n\n"
                + "Drift: 1 resource has changed outside of catalog.\n");
    var json = run("drift", "--format", "json");
    assertThat(json.out()).contains("\"sink_drift\" : 1").contains("\"drift\" : \"missing\"");

    var apply = run("apply", "--auto-approve");

    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    var ledger = onlyBinding(before.bindingId());
    assertThat(decoded(secret(namespace, "orders-db")))
        .containsEntry("password", String.valueOf(ledger.credentials().get("password")));
    assertThat(run("drift").exitCode()).isZero();
    assertCredentialsNowhere(ledger);
  }

  @Test
  void aSecretEditedByHandIsDriftAndApplyPutsBackWhatWasDelivered() throws IOException {
    configure(db("orders-db", "small", 20), "orders-db", secretSink(namespace, "orders-db"));
    assertThat(run("apply", "--auto-approve").exitCode()).isZero();
    var before = recorded();
    kube.secrets()
        .inNamespace(namespace)
        .withName("orders-db")
        .edit(
            s -> {
              s.getData().put("password", "ZWRpdGVk"); // "edited"
              return s;
            });

    var drift = run("drift");

    assertThat(drift.exitCode()).isEqualTo(2);
    assertThat(drift.out())
        .contains(
            "  # binding.app: credentials secret "
                + namespace
                + "/orders-db has changed outside of catalog: content differs from delivered\n");
    assertThat(run("apply", "--auto-approve").exitCode()).isZero();
    var ledger = onlyBinding(before.bindingId());
    assertThat(decoded(secret(namespace, "orders-db")))
        .containsEntry("password", String.valueOf(ledger.credentials().get("password")));
    assertThat(run("drift").exitCode()).isZero();
    assertCredentialsNowhere(ledger);
  }

  @Test
  void aSecretNoLongerCatalogsIsNeverOverwrittenUntilAdopted() throws IOException {
    configure(db("orders-db", "small", 20), "orders-db", secretSink(namespace, "orders-db"));
    assertThat(run("apply", "--auto-approve").exitCode()).isZero();
    var before = recorded();
    kube.secrets()
        .inNamespace(namespace)
        .withName("orders-db")
        .edit(
            s -> {
              s.getMetadata().getAnnotations().clear();
              s.getMetadata().getLabels().clear();
              s.getData().put("password", "dGhlaXJz"); // "theirs"
              return s;
            });
    var refusal =
        "binding.app: Kubernetes Secret \""
            + namespace
            + "/orders-db\" exists and was not created by catalog; refusing to overwrite it."
            + " Delete it, or deliver the credentials to another Secret name, or adopt it:"
            + " kubectl -n "
            + namespace
            + " label secret orders-db app.kubernetes.io/managed-by=catalog"
            + " catalog.dev/binding=app && kubectl -n "
            + namespace
            + " annotate secret orders-db catalog.dev/owner=binding.app (the next apply replaces"
            + " its data).";

    var drift = run("drift");

    assertThat(drift.exitCode()).isEqualTo(2);
    assertThat(drift.out())
        .contains(
            "  # binding.app: credentials secret "
                + namespace
                + "/orders-db is no longer catalog's:\n    "
                + refusal
                + "\n");
    var apply = run("apply", "--auto-approve");

    assertThat(apply.exitCode()).isEqualTo(1);
    assertThat(apply.out() + apply.err()).contains(refusal);
    assertThat(decoded(secret(namespace, "orders-db"))).containsEntry("password", "theirs");

    kube.secrets()
        .inNamespace(namespace)
        .withName("orders-db")
        .edit(
            s -> {
              s.getMetadata()
                  .setLabels(
                      Map.of(
                          "app.kubernetes.io/managed-by", "catalog", "catalog.dev/binding", "app"));
              s.getMetadata().setAnnotations(Map.of("catalog.dev/owner", "binding.app"));
              return s;
            });
    var adopted = run("apply", "--auto-approve");

    assertThat(adopted.exitCode()).as(adopted.out() + adopted.err()).isZero();
    var ledger = onlyBinding(before.bindingId());
    assertThat(decoded(secret(namespace, "orders-db")))
        .containsEntry("password", String.valueOf(ledger.credentials().get("password")));
    assertCredentialsNowhere(ledger);
  }

  @Test
  void aMoveStoppedAfterTheNewSecretIsWrittenIsFinishedByTheNextApplyWithTheSameCredentials()
      throws IOException {
    var from = server.newNamespace("sinks-from");
    grantDocumentedRole(from);
    configure(queue("events"), "events", secretSink(from, "events"));
    assertThat(run("apply", "--auto-approve").exitCode()).isZero();
    var before = recorded();
    var delivered = decoded(secret(from, "events"));
    kube.rbac().roles().inNamespace(from).withName("catalog-secret-sink").delete();
    kube.rbac().roleBindings().inNamespace(from).withName("catalog-secret-sink").delete();
    // In the old namespace the account may not delete: the move stops exactly between "new
    // Secret written" and "old Secret removed", where a kill -9 would also leave it.
    kube.rbac()
        .roles()
        .inNamespace(from)
        .resource(
            new io.fabric8.kubernetes.api.model.rbac.RoleBuilder()
                .withNewMetadata()
                .withName("no-delete")
                .endMetadata()
                .addNewRule()
                .withApiGroups("")
                .withResources("secrets")
                .withVerbs("get", "create", "update")
                .endRule()
                .build())
        .create();
    kube.rbac()
        .roleBindings()
        .inNamespace(from)
        .resource(
            new io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder()
                .withNewMetadata()
                .withName("no-delete")
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", "no-delete")
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName("catalog")
                .withNamespace(namespace)
                .endSubject()
                .build())
        .create();
    awaitDeleteAllowed(from, false);
    configure(queue("events"), "events", secretSink(namespace, "events"));

    var stopped = run("apply", "--auto-approve");

    assertThat(stopped.exitCode()).isEqualTo(1);
    assertThat(stopped.out() + stopped.err())
        .contains(
            "binding.app: cannot delete Kubernetes Secret \"" + from + "/events\" (HTTP 403)");
    assertThat(decoded(secret(namespace, "events"))).isEqualTo(delivered);
    assertThat(decoded(secret(from, "events"))).isEqualTo(delivered);
    // State names the new Secret, and the old one as still to be removed (crash-safe move).
    assertThat(recorded().sink().orElseThrow().toString()).contains(namespace).doesNotContain(from);
    assertThat(recorded().sinkToRemove().orElseThrow().toString()).contains(from);
    var pending = run("plan", "--detailed-exitcode");
    assertThat(pending.exitCode()).as(pending.out() + pending.err()).isEqualTo(2);
    assertThat(pending.out()).contains("sink " + "secret " + from + "/events was not removed yet");

    kube.rbac().roles().inNamespace(from).withName("no-delete").delete();
    kube.rbac().roleBindings().inNamespace(from).withName("no-delete").delete();
    grantDocumentedRole(from);
    awaitDeleteAllowed(from, true);
    var finished = run("apply", "--auto-approve");

    assertThat(finished.exitCode()).as(finished.out() + finished.err()).isZero();
    assertThat(secret(from, "events")).isNull();
    assertThat(decoded(secret(namespace, "events"))).isEqualTo(delivered);
    var ledger = onlyBinding(before.bindingId());
    assertThat(run("plan", "--detailed-exitcode").exitCode()).isZero();
    assertCredentialsNowhere(ledger);
  }

  /** RBAC changes reach the authorizer through a cache: waits until it answers as expected. */
  private void awaitDeleteAllowed(String ns, boolean allowed) {
    var review =
        new io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder()
            .withNewSpec()
            .withUser("system:serviceaccount:" + namespace + ":catalog")
            .withNewResourceAttributes()
            .withNamespace(ns)
            .withVerb("delete")
            .withResource("secrets")
            .endResourceAttributes()
            .endSpec()
            .build();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!Boolean.valueOf(allowed)
        .equals(
            kube.authorization()
                .v1()
                .subjectAccessReview()
                .create(review)
                .getStatus()
                .getAllowed())) {
      assertThat(System.nanoTime()).as("RBAC change not seen in 30 s").isLessThan(deadline);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** The broker holds exactly one binding, the one recorded before: nothing was re-bound. */
  private LedgerBinding onlyBinding(String id) {
    assertThat(broker.ledger().bindings()).extracting(LedgerBinding::id).containsExactly(id);
    assertThat(recorded().bindingId()).isEqualTo(id);
    return broker.ledger().binding(id).orElseThrow();
  }

  private void assertCredentialsNowhere(LedgerBinding binding) throws IOException {
    var password = String.valueOf(binding.credentials().get("password"));
    assertThat(outputs).noneMatch(text -> text.contains(password));
    try (var files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().contains("state")).toList()) {
        if (Files.isRegularFile(file)) {
          assertThat(Files.readString(file)).doesNotContain(password);
        }
      }
    }
  }

  private BindingState recorded() {
    State state = ChildApply.stateIn(dir);
    return (BindingState) state.resource(Address.binding("app")).orElseThrow();
  }

  private Secret secret(String ns, String name) {
    return kube.secrets().inNamespace(ns).withName(name).get();
  }

  private CliRun run(String... args) {
    var all = new ArrayList<String>(List.of(args[0], "-f", config.toString()));
    all.addAll(List.of(args).subList(1, args.length));
    var env = Map.of("BROKER_PW", PASSWORD, "CI", "true", "KUBECONFIG", kubeconfig.toString());
    var result = CliRun.run(env, all.toArray(String[]::new));
    // In the test's output file: the runs docs/credentials.md quotes.
    System.out.print("$ catalog " + String.join(" ", args) + "\n" + result.out() + result.err());
    outputs.add(result.out());
    outputs.add(result.err());
    return result;
  }
}
