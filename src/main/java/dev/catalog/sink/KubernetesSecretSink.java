package dev.catalog.sink;

import dev.catalog.CatalogException;
import dev.catalog.config.CredentialsTarget;
import dev.catalog.config.CredentialsTarget.SecretTarget;
import dev.catalog.state.Address;
import dev.catalog.state.SinkDescription;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.SecretList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials in a Kubernetes Secret: one key per credential after the transforms (or the
 * servicebinding.io entries), of the configured type, with the user's labels and annotations and
 * catalog's ownership marks. Re-delivery updates the Secret in place (keys no longer returned
 * disappear); a Secret that catalog did not create for this binding is never touched.
 */
public final class KubernetesSecretSink implements CredentialSink {
  private final KubernetesClient client;
  private final SecretTarget target;

  /**
   * @param client a client for the cluster holding the Secret; not closed by this sink
   * @param target namespace, name and transforms; transforms are not needed to read or delete
   */
  public KubernetesSecretSink(KubernetesClient client, SecretTarget target) {
    this.client = client;
    this.target = target;
  }

  @Override
  public SinkDescription description() {
    return new SinkDescription.KubernetesSecret(
        target.context(), target.namespace(), target.name());
  }

  @Override
  public CredentialsTarget configuration() {
    return target;
  }

  @Override
  public Credentials shape(Address binding, Credentials credentials) {
    return SecretPayload.readBack(SecretPayload.of(binding, credentials, target));
  }

  @Override
  public void writeStored(Address binding, Credentials stored) {
    var data = new LinkedHashMap<String, String>();
    stored
        .reveal()
        .fields()
        .forEachRemaining(e -> data.put(e.getKey(), base64(e.getValue().asText())));
    try {
      Secret existing = resource().get();
      if (existing == null) {
        secrets().resource(secret(binding, data, null)).create();
        return;
      }
      SecretOwnership.check(existing.getMetadata(), binding, quoted(), "overwrite");
      String version = existing.getMetadata().getResourceVersion();
      if (!target.type().equals(existing.getType())) {
        // A Secret's type is immutable: a new type is a new Secret. Deleted at the version just
        // checked, so a Secret replaced meanwhile is not; the create then fails if one appeared.
        resource().lockResourceVersion(version).delete();
        secrets().resource(secret(binding, data, null)).create();
        return;
      }
      // resourceVersion makes the update conditional: a concurrent change fails with 409.
      secrets().resource(secret(binding, data, version)).update();
    } catch (KubernetesClientException e) {
      throw failed(binding, "write", e);
    }
  }

  @Override
  public Optional<Credentials> read(Address binding) {
    try {
      Secret existing = resource().get();
      if (existing == null) {
        return Optional.empty();
      }
      SecretOwnership.check(existing.getMetadata(), binding, quoted(), "read credentials from");
      var decoded = new LinkedHashMap<String, String>();
      if (existing.getData() != null) {
        existing.getData().forEach((key, value) -> decoded.put(key, unbase64(value)));
      }
      return Optional.of(SecretPayload.readBack(decoded));
    } catch (KubernetesClientException e) {
      throw failed(binding, "read", e);
    }
  }

  @Override
  public SinkContent inspect(Address binding) {
    try {
      Secret existing = resource().get();
      if (existing == null) {
        return new SinkContent.Missing();
      }
      var whose = SecretOwnership.whose(existing.getMetadata(), binding);
      if (whose.isPresent()) {
        String refusal;
        try {
          SecretOwnership.check(existing.getMetadata(), binding, quoted(), "overwrite");
          refusal = "";
        } catch (CatalogException e) {
          refusal = e.getMessage();
        }
        return new SinkContent.NotOwned(whose.get(), refusal);
      }
      var decoded = new LinkedHashMap<String, String>();
      if (existing.getData() != null) {
        existing.getData().forEach((key, value) -> decoded.put(key, unbase64(value)));
      }
      return new SinkContent.Present(SecretPayload.readBack(decoded));
    } catch (KubernetesClientException e) {
      throw failed(binding, "read", e);
    }
  }

  @Override
  public void delete(Address binding) {
    try {
      Secret existing = resource().get();
      if (existing == null) {
        return;
      }
      SecretOwnership.check(existing.getMetadata(), binding, quoted(), "delete");
      // Conditional on the version checked, so a Secret replaced meanwhile is not deleted.
      resource().lockResourceVersion(existing.getMetadata().getResourceVersion()).delete();
    } catch (KubernetesClientException e) {
      throw failed(binding, "delete", e);
    }
  }

  private Resource<Secret> resource() {
    return secrets().withName(target.name());
  }

  private NonNamespaceOperation<Secret, SecretList, Resource<Secret>> secrets() {
    return client.secrets().inNamespace(target.namespace());
  }

  private Secret secret(Address binding, Map<String, String> data, String resourceVersion) {
    return new SecretBuilder()
        .withNewMetadata()
        .withNamespace(target.namespace())
        .withName(target.name())
        .withResourceVersion(resourceVersion)
        .withLabels(merged(target.labels(), SecretOwnership.labels(binding)))
        .withAnnotations(merged(target.annotations(), SecretOwnership.annotations(binding)))
        .endMetadata()
        .withType(target.type())
        .withData(data)
        .build();
  }

  /** The user's keys, then catalog's (which the configuration cannot name, so none is lost). */
  private static Map<String, String> merged(Map<String, String> user, Map<String, String> own) {
    var all = new LinkedHashMap<String, String>(user);
    all.putAll(own);
    return all;
  }

  private String quoted() {
    return "\""
        + target.namespace()
        + "/"
        + target.name()
        + "\""
        + target.context().map(c -> " of context \"" + c + "\"").orElse("");
  }

  // The API's own message names keys and objects, never the data sent, so it is safe to quote.
  private CatalogException failed(Address binding, String action, KubernetesClientException e) {
    String where = binding + ": cannot " + action + " Kubernetes Secret " + quoted();
    if (e.getCode() <= 0) {
      return new CatalogException(where + ": the Kubernetes API is unreachable: " + root(e), e);
    }
    String reason =
        e.getStatus() != null && e.getStatus().getMessage() != null
            ? e.getStatus().getMessage()
            : "no reason given";
    return new CatalogException(where + " (HTTP " + e.getCode() + "): " + reason, e);
  }

  private static String root(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  private static String unbase64(String value) {
    return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
  }
}
