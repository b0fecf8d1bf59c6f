package dev.catalog.sink;

import dev.catalog.CatalogException;
import dev.catalog.SensitiveJson;
import dev.catalog.config.CredentialsTarget;
import dev.catalog.config.CredentialsTarget.FileFormat;
import dev.catalog.config.CredentialsTarget.FileTarget;
import dev.catalog.config.CredentialsTarget.SecretTarget;
import dev.catalog.state.Address;
import dev.catalog.state.SinkDescription;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Opens the sink for a configured target, or for one recorded in state (to read or delete the
 * credentials of a binding that is no longer in the configuration). Closing it closes the
 * Kubernetes client, if one was made.
 */
public final class CredentialSinks implements AutoCloseable {
  private final Supplier<KubernetesClient> kubernetes;
  private KubernetesClient client;

  /**
   * @param kubernetes makes the client for Secret sinks; called once, when the first Secret sink is
   *     opened, so a configuration with file sinks only needs no cluster
   */
  public CredentialSinks(Supplier<KubernetesClient> kubernetes) {
    this.kubernetes = kubernetes;
  }

  private synchronized KubernetesClient client() {
    if (client == null) {
      client = kubernetes.get();
    }
    return client;
  }

  @Override
  public synchronized void close() {
    if (client != null) {
      client.close();
      client = null;
    }
  }

  /** The sink a binding's configuration names. */
  public CredentialSink forTarget(CredentialsTarget target) {
    if (target instanceof SecretTarget secret) {
      return new KubernetesSecretSink(client(), secret);
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
      return new SinkDescription.KubernetesSecret(secret.namespace(), secret.name());
    }
    if (target instanceof FileTarget file) {
      return new SinkDescription.File(file.path().toAbsolutePath().normalize().toString());
    }
    throw new AssertionError(target);
  }

  /**
   * The sink state recorded. A file's format is not recorded, so it is chosen as the configuration
   * chooses its default: {@code env} for a path ending in {@code .env}, else {@code json}.
   */
  public CredentialSink forRecorded(SinkDescription sink) {
    if (sink instanceof SinkDescription.KubernetesSecret secret) {
      return forTarget(new SecretTarget(secret.namespace(), secret.name(), List.of()));
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
      Address binding, SensitiveJson credentials, CredentialSink sink, FingerprintKey key) {
    sink.write(binding, credentials);
    return new Delivery(sink.description(), key.fingerprint(credentials));
  }
}
