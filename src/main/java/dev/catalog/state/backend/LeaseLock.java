package dev.catalog.state.backend;

import dev.catalog.CatalogException;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state lock as a {@code coordination.k8s.io/v1} Lease: the holder identity and a lease
 * duration tell everyone whether it is alive, the {@link LockInfo} rides in annotations, and a
 * heartbeat thread renews it while held (PRODUCT.md section 2: locks that can expire are renewed).
 * Every change is a compare-and-swap on the Lease's resourceVersion.
 */
final class LeaseLock implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LeaseLock.class);

  private final KubernetesClient client;
  private final ConfigMapSettings settings;
  private final String namespace;
  private final LeaseTiming timing;
  private final Clock clock;
  private final HeartbeatListener listener;
  private final ScheduledExecutorService heartbeat;
  private ScheduledFuture<?> beating;
  private volatile String heldId;
  private volatile String lostReason;
  private volatile LockTakeover lastTakeover;

  /**
   * How the lock keeps time.
   *
   * @param timing lease duration and heartbeat period
   * @param clock the time written into the Lease and used to judge expiry and age
   * @param heartbeat told what each heartbeat found (tests wait on it)
   */
  record Options(LeaseTiming timing, Clock clock, HeartbeatListener heartbeat) {}

  /** What the heartbeat thread observed; both methods run on that thread. */
  interface HeartbeatListener {
    HeartbeatListener NONE = new HeartbeatListener() {};

    /** The lease was renewed with this renew time. */
    default void renewed(Instant at) {}

    /** The lease is no longer this lock's. */
    default void lost(String reason) {}
  }

  LeaseLock(
      KubernetesClient client, ConfigMapSettings settings, String namespace, Options options) {
    this.client = client;
    this.settings = settings;
    this.namespace = namespace;
    this.timing = options.timing();
    this.clock = options.clock();
    this.listener = options.heartbeat();
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "catalog-lease-heartbeat-" + settings.name());
              t.setDaemon(true);
              return t;
            });
  }

  synchronized void acquire(LockInfo info) {
    Instant now = clock.instant();
    Lease existing = get();
    try {
      if (existing == null) {
        lease().resource(LeaseRecords.held(settings, namespace, info, timing, now, null)).create();
      } else {
        Optional<LockInfo> holder = LeaseRecords.holder(existing);
        if (holder.isPresent() && !LeaseRecords.expired(existing, now)) {
          throw locked(existing, holder.get(), now);
        }
        lease()
            .resource(LeaseRecords.held(settings, namespace, info, timing, now, existing))
            .update();
        lastTakeover =
            holder
                .map(
                    h ->
                        new LockTakeover(
                            h,
                            age(h, now),
                            Duration.between(LeaseRecords.renewedAt(existing), now)))
                .orElse(null);
        if (lastTakeover != null) {
          log.warn(lastTakeover.describe());
        }
      }
    } catch (KubernetesClientException e) {
      if (KubeApiErrors.is(e, KubeApiErrors.CONFLICT)) {
        // Someone else created or took the Lease between our read and our write.
        Lease winner = get();
        Optional<LockInfo> holder = winner == null ? Optional.empty() : LeaseRecords.holder(winner);
        if (holder.isPresent()) {
          throw locked(winner, holder.get(), clock.instant());
        }
      }
      throw KubeApiErrors.failed("take the lock Lease " + leaseWhere(), e);
    }
    heldId = info.id();
    lostReason = null;
    long every = timing.renewInterval().toMillis();
    beating =
        heartbeat.scheduleWithFixedDelay(
            () -> renew(info.id()), every, every, TimeUnit.MILLISECONDS);
  }

  synchronized void release(String lockId) {
    if (lockId.equals(heldId)) {
      stopHeartbeat();
    }
    Lease lease = get();
    if (lease != null && LeaseRecords.holder(lease).map(h -> h.id().equals(lockId)).orElse(false)) {
      delete(lease, "release");
    }
  }

  synchronized void forceRelease(String lockId) {
    Lease lease = get();
    Optional<LockInfo> holder = lease == null ? Optional.empty() : LeaseRecords.holder(lease);
    if (holder.isEmpty()) {
      throw new CatalogException("No lock is held on " + where() + "; nothing was unlocked.");
    }
    if (!holder.get().id().equals(lockId)) {
      throw new CatalogException(
          "Lock ID "
              + lockId
              + " does not match the lock on "
              + where()
              + ", which is ID "
              + holder.get().id()
              + " held by "
              + holder.get().holder()
              + " for "
              + holder.get().operation()
              + "; nothing was unlocked.");
    }
    if (lockId.equals(heldId)) {
      stopHeartbeat();
    }
    delete(lease, "force-unlock");
  }

  Optional<LockInfo> current() {
    Lease lease = get();
    return lease == null ? Optional.empty() : LeaseRecords.holder(lease);
  }

  Optional<LockTakeover> lastTakeover() {
    return Optional.ofNullable(lastTakeover);
  }

  /** Refuses to go on writing when the heartbeat found the lock taken by someone else. */
  void ensureNotLost() {
    String reason = lostReason;
    if (reason != null) {
      throw new CatalogException(
          "The state lock on "
              + where()
              + " was lost while held: "
              + reason
              + ". Nothing more was written; check the state before running again.");
    }
  }

  @Override
  public synchronized void close() {
    stopHeartbeat();
    heartbeat.shutdownNow();
  }

  // Synchronized with release: an in-flight renewal would otherwise change the Lease's
  // resourceVersion between release's read and its delete.
  private synchronized void renew(String lockId) {
    if (!lockId.equals(heldId)) {
      return;
    }
    try {
      Lease lease = get();
      Optional<LockInfo> holder = lease == null ? Optional.empty() : LeaseRecords.holder(lease);
      if (holder.isEmpty() || !holder.get().id().equals(lockId)) {
        lostReason =
            holder
                .map(h -> "it is now ID " + h.id() + " held by " + h.holder())
                .orElse("the Lease was deleted (force-unlock?)");
        log.warn("State lock {} on {} lost: {}", lockId, where(), lostReason);
        stopHeartbeat();
        listener.lost(lostReason);
        return;
      }
      Instant now = clock.instant();
      lease.getSpec().setRenewTime(LeaseRecords.microTime(now));
      lease().resource(lease).update();
      listener.renewed(now);
    } catch (KubernetesClientException e) {
      // A missed beat is retried on the next one; the lease outlives several of them.
      log.warn("Could not renew the state lock on {} (HTTP {}); retrying", where(), e.getCode());
    }
  }

  private synchronized void stopHeartbeat() {
    if (beating != null) {
      beating.cancel(false);
      beating = null;
    }
    heldId = null;
  }

  private StateLockedException locked(Lease lease, LockInfo holder, Instant now) {
    Instant expires = LeaseRecords.expiresAt(lease);
    return new StateLockedException(
        "State "
            + where()
            + " is locked by "
            + holder.holder()
            + " (ID "
            + holder.id()
            + ", operation "
            + holder.operation()
            + ", since "
            + holder.created()
            + ", "
            + Durations.format(age(holder, now))
            + " ago; lease renewed "
            + Durations.format(Duration.between(LeaseRecords.renewedAt(lease), now))
            + " ago, expires in "
            + Durations.format(Duration.between(now, expires))
            + "). If its holder is gone,"
            + " run: catalog force-unlock "
            + holder.id(),
        holder);
  }

  private static Duration age(LockInfo holder, Instant now) {
    return Duration.between(holder.created(), now);
  }

  private void delete(Lease lease, String verb) {
    try {
      lease()
          .withName(settings.leaseName())
          .lockResourceVersion(lease.getMetadata().getResourceVersion())
          .delete();
    } catch (KubernetesClientException e) {
      if (KubeApiErrors.is(e, KubeApiErrors.CONFLICT)) {
        throw new CatalogException(
            "The lock on "
                + where()
                + " changed while trying to "
                + verb
                + " it; nothing was unlocked. Check who holds it and run again.");
      }
      if (!KubeApiErrors.is(e, KubeApiErrors.NOT_FOUND)) {
        throw KubeApiErrors.failed(verb + " the lock Lease " + leaseWhere(), e);
      }
    }
  }

  private Lease get() {
    try {
      return lease().withName(settings.leaseName()).get();
    } catch (KubernetesClientException e) {
      throw KubeApiErrors.failed("read the lock Lease " + leaseWhere(), e);
    }
  }

  private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<
          Lease, io.fabric8.kubernetes.api.model.coordination.v1.LeaseList, Resource<Lease>>
      lease() {
    return client.leases().inNamespace(namespace);
  }

  private String leaseWhere() {
    return namespace + "/" + settings.leaseName();
  }

  private String where() {
    return "configmap " + namespace + "/" + settings.name();
  }
}
