package dev.catalog.sink;

import static dev.catalog.testkube.SecretData.decoded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.CatalogException;
import dev.catalog.config.CredentialsTarget.SecretTarget;
import dev.catalog.config.KeyTransform;
import dev.catalog.state.Address;
import dev.catalog.state.SinkDescription;
import dev.catalog.testkube.KubeApiServerExtension;
import dev.catalog.testkube.RunningKubeApiServer;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Secret sink against a real kube-apiserver. */
@ExtendWith(KubeApiServerExtension.class)
class KubernetesSecretSinkIT {
  static final String PASSWORD = "s3cr3t-pa55w0rd";
  static final Address APP = Address.binding("orders-db-app");

  private KubernetesClient client;
  private String namespace;

  @BeforeEach
  void namespace(RunningKubeApiServer server) {
    namespace = server.newNamespace("sink");
    client = server.newClient();
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void writesOneKeyPerCredentialWithStringsRawAndOtherValuesAsJson() {
    sink(List.of()).write(APP, credentials());

    Secret secret = secret();
    assertThat(decoded(secret))
        .isEqualTo(
            Map.of(
                "username", "orders",
                "password", PASSWORD,
                "port", "5432",
                "hosts", "[\"db-0\",\"db-1\"]",
                "tls", "{\"enabled\":true}"));
    assertThat(secret.getType()).isEqualTo("Opaque");
    assertThat(secret.getMetadata().getLabels())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "app.kubernetes.io/managed-by", "catalog", "catalog.dev/binding", "orders-db-app"));
    assertThat(secret.getMetadata().getAnnotations())
        .containsEntry("catalog.dev/owner", "binding.orders-db-app");
  }

  @Test
  void appliesTransformsInTheOrderWritten() {
    var transforms =
        List.<KeyTransform>of(
            new KeyTransform.RenameKey("password", "DB_PASSWORD"),
            new KeyTransform.RemoveKey("tls"),
            new KeyTransform.AddKey("POOL_SIZE", "10"),
            new KeyTransform.RemoveKey("hosts"),
            new KeyTransform.JsonKey("credentials.json"),
            new KeyTransform.RenameKey("not-returned", "IGNORED"));

    sink(transforms).write(APP, credentials());

    assertThat(decoded(secret()))
        .isEqualTo(
            Map.of(
                "username",
                "orders",
                "port",
                "5432",
                "DB_PASSWORD",
                PASSWORD,
                "POOL_SIZE",
                "10",
                "credentials.json",
                "{\"username\":\"orders\",\"port\":5432,\"DB_PASSWORD\":\""
                    + PASSWORD
                    + "\",\"POOL_SIZE\":\"10\"}"));
  }

  @Test
  void aNewSecretTypeRecreatesTheSecretWithTheUsersLabelsAndAnnotations() {
    sink(List.of()).write(APP, credentials());
    String uid = secret().getMetadata().getUid();
    var typed =
        new SecretTarget(
            Optional.empty(),
            namespace,
            "orders-db",
            List.of(),
            "kubernetes.io/basic-auth",
            Map.of("reloader.stakater.com/match", "true"),
            Map.of("argocd.argoproj.io/sync-options", "Prune=false"),
            Optional.empty());

    new KubernetesSecretSink(client, typed).write(APP, credentials());

    Secret secret = secret();
    // Kubernetes keeps a Secret's type for life: a new type is a new Secret.
    assertThat(secret.getMetadata().getUid()).isNotEqualTo(uid);
    assertThat(secret.getType()).isEqualTo("kubernetes.io/basic-auth");
    assertThat(decoded(secret)).containsEntry("password", PASSWORD);
    assertThat(secret.getMetadata().getLabels())
        .isEqualTo(
            Map.of(
                "reloader.stakater.com/match", "true",
                "app.kubernetes.io/managed-by", "catalog",
                "catalog.dev/binding", "orders-db-app"));
    assertThat(secret.getMetadata().getAnnotations())
        .isEqualTo(
            Map.of(
                "argocd.argoproj.io/sync-options", "Prune=false",
                "catalog.dev/owner", "binding.orders-db-app"));
  }

  @Test
  void redeliveryUpdatesTheSecretInPlaceAndDropsKeysNoLongerReturned() {
    var sink = sink(List.of());
    sink.write(APP, credentials());
    String uid = secret().getMetadata().getUid();

    sink.write(APP, Credentials.of(json("{\"username\":\"orders\",\"password\":\"rotated\"}")));

    assertThat(secret().getMetadata().getUid()).isEqualTo(uid);
    assertThat(decoded(secret())).isEqualTo(Map.of("username", "orders", "password", "rotated"));
  }

  @Test
  void refusesToOverwriteASecretCatalogDidNotCreate() {
    client
        .secrets()
        .inNamespace(namespace)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("orders-db")
                .endMetadata()
                .addToStringData("mine", "keep")
                .build())
        .create();

    assertThatThrownBy(() -> sink(List.of()).write(APP, credentials()))
        .isInstanceOf(CatalogException.class)
        .hasMessage(
            "binding.orders-db-app: Kubernetes Secret \""
                + namespace
                + "/orders-db\" exists and was not created by catalog; refusing to overwrite it."
                + " Delete it, or deliver the credentials to another Secret name, or adopt it:"
                + " kubectl -n "
                + namespace
                + " label secret orders-db app.kubernetes.io/managed-by=catalog catalog.dev/binding=orders-db-app"
                + " && kubectl -n "
                + namespace
                + " annotate secret orders-db catalog.dev/owner=binding.orders-db-app (the next apply replaces its"
                + " data).");
    assertThat(decoded(secret())).containsExactly(Map.entry("mine", "keep"));
    assertThatThrownBy(() -> sink(List.of()).delete(APP))
        .hasMessage(
            "binding.orders-db-app: Kubernetes Secret \""
                + namespace
                + "/orders-db\" exists and was not created by catalog; refusing to delete it.");
    assertThat(secret()).isNotNull();
  }

  @Test
  void refusesToOverwriteTheSecretOfAnotherBinding() {
    sink(List.of()).write(Address.binding("other-app"), credentials());

    assertThatThrownBy(() -> sink(List.of()).write(APP, credentials()))
        .hasMessage(
            "binding.orders-db-app: Kubernetes Secret \""
                + namespace
                + "/orders-db\" holds the credentials of binding.other-app; refusing to overwrite"
                + " it. Deliver the credentials to another Secret name.");
  }

  @Test
  void readsBackTheKeysAsStored() {
    var sink = sink(List.of(new KeyTransform.RenameKey("password", "DB_PASSWORD")));
    sink.write(APP, credentials());

    ObjectNode read = sink.read(APP).orElseThrow().reveal();

    assertThat(read.get("DB_PASSWORD").textValue()).isEqualTo(PASSWORD);
    assertThat(read.get("hosts").textValue()).isEqualTo("[\"db-0\",\"db-1\"]");
    var missing = new SecretTarget(namespace, "missing", List.of());
    assertThat(new KubernetesSecretSink(client, missing).read(APP)).isEmpty();
  }

  @Test
  void deleteRemovesTheSecretAndSucceedsWhenItIsAlreadyGone() {
    var sink = sink(List.of());
    sink.write(APP, credentials());

    sink.delete(APP);
    sink.delete(APP);

    assertThat(secret()).isNull();
    assertThat(sink.read(APP)).isEmpty();
  }

  @Test
  void aSinkOpenedFromStateDeletesTheSecretWithoutItsConfiguration() {
    sink(List.of(new KeyTransform.AddKey("A", "b"))).write(APP, credentials());
    var recorded = new SinkDescription.KubernetesSecret(namespace, "orders-db");

    CredentialSinks.currentContextOnly(() -> client).forRecorded(recorded).delete(APP);

    assertThat(secret()).isNull();
  }

  @Test
  void aKeyATransformMadeInvalidIsRefusedBeforeTheApiIsCalledNamingItButNoValue() {
    var sink = sink(List.of(new KeyTransform.RenameKey("password", "bad key")));

    assertThatThrownBy(() -> sink.write(APP, credentials()))
        .isInstanceOf(CatalogException.class)
        .hasMessage(
            "binding.orders-db-app: credential key \"bad key\" cannot be a Kubernetes Secret"
                + " key (only letters, digits, '-', '_' and '.', at most 253 characters); rename"
                + " or remove it with a transform under credentials.secret.transforms"
                + " (docs/credentials.md)")
        .message()
        .doesNotContain(PASSWORD);
    assertThat(secret()).isNull();
  }

  @Test
  void aCredentialKeyThatCannotBeASecretKeyIsRefusedNamingTheKeyButNotItsValue() {
    var credentials = credentials();
    var withBadKey = (ObjectNode) credentials.reveal();
    withBadKey.put("db password", PASSWORD);

    assertThatThrownBy(() -> sink(List.of()).write(APP, Credentials.of(withBadKey)))
        .isInstanceOf(CatalogException.class)
        .hasMessage(
            "binding.orders-db-app: credential key \"db password\" cannot be a Kubernetes Secret"
                + " key (only letters, digits, '-', '_' and '.', at most 253 characters); rename"
                + " or remove it with a transform under credentials.secret.transforms"
                + " (docs/credentials.md)");
    assertThat(secret()).isNull();
  }

  private KubernetesSecretSink sink(List<KeyTransform> transforms) {
    return new KubernetesSecretSink(client, new SecretTarget(namespace, "orders-db", transforms));
  }

  private Secret secret() {
    return client.secrets().inNamespace(namespace).withName("orders-db").get();
  }

  static Credentials credentials() {
    return Credentials.of(
        json(
            "{\"username\":\"orders\",\"password\":\""
                + PASSWORD
                + "\",\"port\":5432,\"hosts\":[\"db-0\",\"db-1\"],\"tls\":{\"enabled\":true}}"));
  }

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) new ObjectMapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
