package dev.catalog.state.backend.configmap;

import dev.catalog.CatalogException;
import dev.catalog.state.backend.LockInfo;
import dev.catalog.state.backend.LockTakeover;
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

  private static final int DELETE_ATTEMPTS = 5;

  private final KubernetesClient client;
  private final ConfigMapSettings settings;
  private final String namespace;
  private final LeaseTiming timing;
  private final Clock clock;
  private final LeaseHeartbeatListener listener;
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
  record Options(LeaseTiming timing, Clock clock, LeaseHeartbeatListener heartbeat) {}

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
          throw LeaseRecords.locked(existing, holder.get(), now, identity(), namespace);
          // An expired one is taken over below; the command tells its user (StateLocker).
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
      }
    } catch (KubernetesClientException e) {
      if (KubeApiErrors.is(e, KubeApiErrors.CONFLICT)) {
        // Someone else created or took the Lease between our read and our write.
        Lease winner = get();
        Optional<LockInfo> holder = winner == null ? Optional.empty() : LeaseRecords.holder(winner);
        if (holder.isPresent()) {
          throw LeaseRecords.locked(winner, holder.get(), clock.instant(), identity(), namespace);
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
    deleteWhileHeldBy(lockId, "release");
  }

  synchronized void forceRelease(String lockId) {
    Lease lease = get();
    Optional<LockInfo> holder = lease == null ? Optional.empty() : LeaseRecords.holder(lease);
    if (holder.isEmpty()) {
      throw new CatalogException(where() + " is not locked");
    }
    if (!holder.get().id().equals(lockId)) {
      throw new CatalogException(
          "lock id "
              + lockId
              + " does not match the lock on "
              + where()
              + " (id "
              + holder.get().id()
              + ", held by "
              + holder.get().holder()
              + "); nothing was released");
    }
    if (lockId.equals(heldId)) {
      stopHeartbeat();
    }
    if (!deleteWhileHeldBy(lockId, "force-unlock")) {
      throw new CatalogException(
          "the lock on "
              + where()
              + " changed while trying to force-unlock it; nothing was released, check who"
              + " holds it and run again");
    }
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
          "the lock on "
              + where()
              + " was lost while held: "
              + reason
              + "; nothing more was written, check the state before running again");
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
                .map(h -> "it is now lock id " + h.id() + ", held by " + h.holder())
                .orElse("the Lease was deleted (force-unlock?)");
        log.warn("Lock {} on {} lost: {}", lockId, where(), lostReason);
        stopHeartbeat();
        listener.lost(lostReason);
        return;
      }
      Instant now = clock.instant();
      lease.getSpec().setRenewTime(LeaseRecords.microTime(now));
      lease().resource(lease).update();
      listener.renewed(now);
    } catch (RuntimeException e) {
      // A missed beat is retried on the next one; the lease outlives several of them. Letting
      // the exception escape would cancel the schedule for good.
      log.warn("Could not renew the lock on {} ({}); retrying", where(), e.getMessage());
    }
  }

  private synchronized void stopHeartbeat() {
    if (beating != null) {
      beating.cancel(false);
      beating = null;
    }
    heldId = null;
  }

  private static Duration age(LockInfo holder, Instant now) {
    return Duration.between(holder.created(), now);
  }

  /**
   * Deletes the Lease as long as it holds {@code lockId}, with its resourceVersion as precondition.
   * The holder's heartbeat may renew it between our read and our delete (a 409), which does not
   * change who holds it, so that is retried.
   *
   * @return whether the Lease was deleted; false when it is gone or held by another id
   */
  private boolean deleteWhileHeldBy(String lockId, String verb) {
    for (int attempt = 0; attempt < DELETE_ATTEMPTS; attempt++) {
      Lease lease = get();
      if (lease == null
          || !LeaseRecords.holder(lease).map(h -> h.id().equals(lockId)).orElse(false)) {
        return false;
      }
      try {
        lease()
            .withName(settings.leaseName())
            .lockResourceVersion(lease.getMetadata().getResourceVersion())
            .delete();
        return true;
      } catch (KubernetesClientException e) {
        if (KubeApiErrors.is(e, KubeApiErrors.NOT_FOUND)) {
          return false;
        }
        if (!KubeApiErrors.is(e, KubeApiErrors.CONFLICT)) {
          throw KubeApiErrors.failed(verb + " the lock Lease " + leaseWhere(), e);
        }
      }
    }
    return false;
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

  private String identity() {
    return "configmap:" + namespace + "/" + settings.name();
  }

  private String where() {
    return "state " + identity();
  }
}
