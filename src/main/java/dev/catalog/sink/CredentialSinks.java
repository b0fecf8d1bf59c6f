package dev.catalog.sink;

import dev.catalog.CatalogException;
import dev.catalog.config.CredentialsTarget;
import dev.catalog.config.CredentialsTarget.FileFormat;
import dev.catalog.config.CredentialsTarget.FileTarget;
import dev.catalog.config.CredentialsTarget.SecretTarget;
import dev.catalog.config.SinkDigest;
import dev.catalog.state.Address;
import dev.catalog.state.DeliveredSink;
import dev.catalog.state.SinkDescription;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Opens the sink for a configured target, or for one recorded in state (to read or delete the
 * credentials of a binding that is no longer in the configuration). Closing it closes the
 * Kubernetes client, if one was made.
 */
public final class CredentialSinks implements AutoCloseable {
  private final Function<Optional<String>, KubernetesClient> kubernetes;
  private final Map<Optional<String>, KubernetesClient> clients = new LinkedHashMap<>();

  /**
   * @param kubernetes makes the client for the cluster of a kubeconfig context (empty: the current
   *     one); called once per context, when the first Secret sink there is opened, so a run talks
   *     to the clusters its Secret sinks name and to no other (issue 13)
   */
  public CredentialSinks(Function<Optional<String>, KubernetesClient> kubernetes) {
    this.kubernetes = kubernetes;
  }

  /** Sinks whose Secrets are all in the current context's cluster (tests, one-cluster tools). */
  public static CredentialSinks currentContextOnly(Supplier<KubernetesClient> kubernetes) {
    return new CredentialSinks(
        context -> {
          if (context.isPresent()) {
            throw new CatalogException(
                "context \"" + context.get() + "\" cannot be used here: only the current one");
          }
          return kubernetes.get();
        });
  }

  synchronized KubernetesClient client(Optional<String> context) {
    return clients.computeIfAbsent(context, kubernetes);
  }

  @Override
  public synchronized void close() {
    clients.values().forEach(KubernetesClient::close);
    clients.clear();
  }

  /** The sink a binding's configuration names. */
  public CredentialSink forTarget(CredentialsTarget target) {
    if (target instanceof SecretTarget secret) {
      return new KubernetesSecretSink(client(secret.context()), secret);
    }
    if (target instanceof FileTarget file) {
      return new FileSink(file);
    }
    throw new AssertionError(target);
  }

  /**
   * Where {@code target} delivers, as state records it: what a recorded binding's sink is compared
   * with to find two bindings that deliver to the same place.
   */
  public static SinkDescription describe(CredentialsTarget target) {
    if (target instanceof SecretTarget secret) {
      return new SinkDescription.KubernetesSecret(
          secret.context(), secret.namespace(), secret.name());
    }
    if (target instanceof FileTarget file) {
      return new SinkDescription.File(file.path().toAbsolutePath().normalize().toString());
    }
    throw new AssertionError(target);
  }

  /** {@code Kubernetes Secret "shop/orders-db"} or {@code file /etc/app/db.json}. */
  public static String describeForPeople(SinkDescription sink) {
    if (sink instanceof SinkDescription.KubernetesSecret s) {
      return "Kubernetes Secret \""
          + s.namespace()
          + "/"
          + s.name()
          + "\""
          + s.context().map(c -> " of context \"" + c + "\"").orElse("");
    }
    return "file " + ((SinkDescription.File) sink).path();
  }

  /**
   * The sink state recorded. A file's format is not recorded, so it is chosen as the configuration
   * chooses its default: {@code env} for a path ending in {@code .env}, else {@code json}.
   */
  public CredentialSink forRecorded(SinkDescription sink) {
    if (sink instanceof SinkDescription.KubernetesSecret secret) {
      // Enough to read or delete: transforms, type and metadata only matter to a write.
      return forTarget(
          new SecretTarget(
              secret.context(),
              secret.namespace(),
              secret.name(),
              List.of(),
              SecretTarget.DEFAULT_TYPE,
              Map.of(),
              Map.of(),
              Optional.empty()));
    }
    if (sink instanceof SinkDescription.File file) {
      var format = file.path().endsWith(".env") ? FileFormat.ENV : FileFormat.JSON;
      return new FileSink(
          new FileTarget(Path.of(file.path()), file.path(), FileTarget.DEFAULT_MODE, format));
    }
    throw new AssertionError(sink);
  }

  /**
   * Checks that every sink of {@code targets} can be written, before anything is bound (issue 19).
   *
   * @param targets the sink of each binding an apply may deliver credentials for
   * @throws CatalogException listing every binding whose sink cannot be written, one per line
   */
  public void checkWritable(Map<Address, CredentialsTarget> targets) {
    var problems = new SinkPreflight(this::client).problems(targets);
    if (!problems.isEmpty()) {
      throw new CatalogException(
          String.join("\n", problems)
              + "\nNothing was sent to any broker: fix the above and run apply again.");
    }
  }

  /**
   * Writes {@code credentials} to {@code sink} and returns what state keeps of it.
   *
   * @param binding the binding whose credentials these are
   */
  public static Delivery deliver(
      Address binding, Credentials credentials, CredentialSink sink, FingerprintKey key) {
    var stored = sink.shape(binding, credentials);
    sink.writeStored(binding, stored);
    return delivery(sink, credentials.fingerprint(key), stored, key);
  }

  /**
   * Writes content read from another sink of the same shaping to {@code sink} as it is (a sink move
   * with no new credentials), and returns what state keeps of it.
   *
   * @param fingerprint the recorded fingerprint of the credentials, which do not change
   */
  public static Delivery deliverStored(
      Address binding,
      Credentials stored,
      String fingerprint,
      CredentialSink sink,
      FingerprintKey key) {
    sink.writeStored(binding, stored);
    return delivery(sink, fingerprint, stored, key);
  }

  private static Delivery delivery(
      CredentialSink sink, String fingerprint, Credentials stored, FingerprintKey key) {
    var target = sink.configuration();
    return new Delivery(
        sink.description(),
        fingerprint,
        new DeliveredSink(
            SinkDigest.whole(target), SinkDigest.shaping(target), stored.fingerprint(key)));
  }
}
