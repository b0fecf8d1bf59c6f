package dev.catalog.state.backend.configmap;

import dev.catalog.CatalogException;
import dev.catalog.KubeClients;
import dev.catalog.state.backend.LockInfo;
import dev.catalog.state.backend.LockTakeover;
import dev.catalog.state.backend.StateBackend;
import dev.catalog.state.backend.StateConflictException;
import dev.catalog.state.backend.StoredState;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * State in a Kubernetes ConfigMap (PRODUCT.md section 3, issue 4): gzip, inline in one head
 * ConfigMap or split into immutable content-addressed chunks the head lists; writes switch the head
 * by resourceVersion compare-and-swap; the lock is a renewed Lease.
 */
public final class ConfigMapBackend implements StateBackend {
  private final KubernetesClient client;
  private final ConfigMapSettings settings;
  private final String namespace;
  private final int chunkBytes;
  private final ChunkStore chunks;
  private final StateHeads heads;
  private final LeaseLock lock;

  ConfigMapBackend(
      KubernetesClient client,
      ConfigMapSettings settings,
      String namespace,
      LeaseLock.Options lockOptions,
      int chunkBytes) {
    this.client = client;
    this.settings = settings;
    this.namespace = namespace;
    this.chunkBytes = chunkBytes;
    this.chunks = new ChunkStore(client, namespace, settings.name(), this::damaged);
    this.heads = new StateHeads(settings.name(), namespace, chunks, this::damaged, this::where);
    this.lock = new LeaseLock(client, settings, namespace, lockOptions);
  }

  /**
   * Opens the backend from the {@code backend:} block settings ({@code namespace}, {@code name},
   * {@code kubeconfig}, {@code context}, {@code leaseDurationSeconds}); a relative kubeconfig is
   * resolved against {@code baseDir}.
   */
  public static ConfigMapBackend fromSettings(Map<String, String> settings, Path baseDir) {
    return open(ConfigMapSettings.parse(settings, baseDir));
  }

  /** Connects with the kubeconfig (or in-cluster account) the settings name. */
  public static ConfigMapBackend open(ConfigMapSettings settings) {
    Config config = clientConfig(settings);
    String namespace =
        settings
            .namespace()
            .orElse(config.getNamespace() == null ? "default" : config.getNamespace());
    // Each call bounded end to end, and two retries rather than fabric8's ten (issue 19).
    KubernetesClient client = KubeClients.open(config, settings.limits());
    LeaseLock.Options lockOptions =
        new LeaseLock.Options(
            LeaseTiming.of(settings.leaseDuration()),
            Clock.systemUTC(),
            LeaseHeartbeatListener.NONE);
    return new ConfigMapBackend(
        client, settings, namespace, lockOptions, ConfigMapLayout.DEFAULT_CHUNK_BYTES);
  }

  private static Config clientConfig(ConfigMapSettings settings) {
    String context = settings.context().orElse(null);
    Optional<Path> file = settings.kubeconfig();
    String source = file.map(f -> "kubeconfig " + f).orElse("the default kubeconfig");
    if (file.isPresent() && !Files.isReadable(file.get())) {
      throw new CatalogException(
          source + " of the configmap state backend does not exist or cannot be read");
    }
    Config config;
    try {
      config =
          file.isPresent()
              ? Config.fromKubeconfig(context, file.get().toFile())
              : Config.autoConfigure(context);
    } catch (RuntimeException e) {
      throw new CatalogException(
          source
              + " of the configmap state backend cannot be used: "
              + KubeApiErrors.rootMessage(e),
          e);
    }
    // fabric8 falls back to the current context when the named one is missing: that would
    // put the state in another cluster, so a missing context is an error.
    List<String> known =
        config.getContexts() == null
            ? List.of()
            : config.getContexts().stream().map(c -> c.getName()).sorted().toList();
    if (context != null && !known.contains(context)) {
      throw new CatalogException(
          "context '"
              + context
              + "' of the configmap state backend is not in "
              + source
              + "; it has: "
              + (known.isEmpty() ? "no contexts" : String.join(", ", known)));
    }
    return config;
  }

  @Override
  public String identity() {
    return "configmap:" + namespace + "/" + settings.name();
  }

  @Override
  public Optional<StoredState> read() {
    ConfigMap head = head();
    if (head == null) {
      return Optional.empty();
    }
    return Optional.of(new StoredState(heads.decode(head).content(), version(head)));
  }

  @Override
  public String write(byte[] content, Optional<String> expected, String summary) {
    lock.ensureNotLost();
    ConfigMap current = head();
    Optional<String> found = Optional.ofNullable(current).map(ConfigMapBackend::version);
    if (!found.equals(expected)) {
      throw conflict(expected, found);
    }
    // A damaged state is reported, never written over: decode checks every chunk and digest.
    long generation = current == null ? 0 : heads.decode(current).generation();
    byte[] compressed = ConfigMapLayout.gzip(content);
    List<String> chunkNames = new ArrayList<>();
    if (compressed.length > chunkBytes) {
      for (byte[] piece : ConfigMapLayout.split(compressed, chunkBytes)) {
        chunkNames.add(chunks.ensure(piece, expected.orElse("")));
      }
    }
    ConfigMap next =
        heads.encode(content, compressed, chunkNames, generation + 1, summary, expected);
    ConfigMap written;
    try {
      written =
          current == null
              ? configMaps().resource(next).create()
              : configMaps().resource(next).update();
    } catch (KubernetesClientException e) {
      if (KubeApiErrors.is(e, KubeApiErrors.CONFLICT)) {
        throw conflict(expected, Optional.ofNullable(head()).map(ConfigMapBackend::version));
      }
      throw KubeApiErrors.failed("write state ConfigMap " + namespace + "/" + settings.name(), e);
    }
    String version = version(written);
    chunks.collectGarbage(new HashSet<>(chunkNames), version);
    return version;
  }

  /**
   * One previous state in the ConfigMap {@code <name>-backup}, replaced each time: what the local
   * backend's {@code .backup} is, kept where the state is, so a Pod with a read-only configuration
   * needs no writable directory (issue 19).
   */
  @Override
  public Optional<String> keepPrevious(byte[] content, Optional<String> version) {
    var name = settings.name() + "-backup";
    byte[] compressed = ConfigMapLayout.gzip(content);
    if (compressed.length > chunkBytes) {
      return Optional.empty(); // too large for one object; the chunked head has no history
    }
    var backup =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .withLabels(ConfigMapLayout.labels(settings.name(), "backup"))
            .addToAnnotations(ConfigMapLayout.ANNOTATION_SUMMARY, "state before the last change")
            .endMetadata()
            .withBinaryData(
                Map.of(ConfigMapLayout.KEY_INLINE, Base64.getEncoder().encodeToString(compressed)))
            .build();
    try {
      if (configMaps().withName(name).get() == null) {
        configMaps().resource(backup).create();
      } else {
        configMaps().resource(backup).update();
      }
    } catch (KubernetesClientException e) {
      throw KubeApiErrors.failed("write the state backup ConfigMap " + namespace + "/" + name, e);
    }
    return Optional.of("ConfigMap " + namespace + "/" + name);
  }

  @Override
  public void lock(LockInfo info) {
    lock.acquire(info);
  }

  /** The expired lock the last {@link #lock} took over, if it took one over. */
  @Override
  public Optional<LockTakeover> lastTakeover() {
    return lock.lastTakeover();
  }

  @Override
  public void unlock(String lockId) {
    lock.release(lockId);
  }

  @Override
  public Optional<LockInfo> currentLock() {
    return lock.current();
  }

  @Override
  public void forceUnlock(String lockId) {
    lock.forceRelease(lockId);
  }

  @Override
  public void close() {
    lock.close();
    client.close();
  }

  private StateConflictException conflict(Optional<String> expected, Optional<String> found) {
    return new StateConflictException(
        where()
            + " changed since it was read: expected version "
            + expected.orElse("(no state)")
            + ", found "
            + found.orElse("(no state)")
            + "; nothing was written, read it again and retry");
  }

  private CatalogException damaged(String detail) {
    return new CatalogException(
        where()
            + " is damaged: "
            + detail
            + "; it was not changed and catalog will not write over it. Inspect it with 'kubectl -n"
            + " "
            + namespace
            + " get configmaps -l "
            + ConfigMapLayout.LABEL_STATE
            + "="
            + settings.name()
            + " -o yaml', or delete ConfigMap "
            + settings.name()
            + " and run 'catalog state push FILE' with a good copy");
  }

  private ConfigMap head() {
    try {
      return configMaps().withName(settings.name()).get();
    } catch (KubernetesClientException e) {
      throw KubeApiErrors.failed("read state ConfigMap " + namespace + "/" + settings.name(), e);
    }
  }

  private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<
          ConfigMap,
          io.fabric8.kubernetes.api.model.ConfigMapList,
          io.fabric8.kubernetes.client.dsl.Resource<ConfigMap>>
      configMaps() {
    return client.configMaps().inNamespace(namespace);
  }

  private String where() {
    return "state " + identity();
  }

  private static String version(ConfigMap configMap) {
    return configMap.getMetadata().getResourceVersion();
  }
}
