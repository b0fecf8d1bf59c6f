package dev.catalog.state.backend.configmap;

import dev.catalog.Durations;
import dev.catalog.state.backend.LockInfo;
import dev.catalog.state.backend.LockInfoCodec;
import dev.catalog.state.backend.StateLockedException;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * How a {@link LockInfo} is written into a Lease and read back: holder identity, duration and times
 * in the spec (what Kubernetes tooling understands), the rest in annotations.
 */
final class LeaseRecords {
  static final String ID = "catalog.dev/lock-id";
  static final String HOLDER = "catalog.dev/lock-holder";
  static final String OPERATION = "catalog.dev/lock-operation";
  static final String CREATED = "catalog.dev/lock-created";
  static final String TOOL_VERSION = "catalog.dev/lock-tool-version";

  private LeaseRecords() {}

  /**
   * A Lease holding {@code info} from {@code now}; replacing {@code previous} (resourceVersion
   * checked) when there is one.
   */
  static Lease held(
      ConfigMapSettings settings,
      String namespace,
      LockInfo info,
      LeaseTiming timing,
      Instant now,
      Lease previous) {
    int transitions =
        previous == null || previous.getSpec().getLeaseTransitions() == null
            ? 0
            : previous.getSpec().getLeaseTransitions() + 1;
    ObjectMetaBuilder meta =
        new ObjectMetaBuilder()
            .withName(settings.leaseName())
            .withNamespace(namespace)
            .withLabels(ConfigMapLayout.labels(settings.name(), "lock"))
            .withAnnotations(
                Map.of(
                    ID, info.id(),
                    HOLDER, info.holder(),
                    OPERATION, info.operation(),
                    CREATED, info.created().toString(),
                    TOOL_VERSION, info.toolVersion()));
    if (previous != null) {
      meta.withResourceVersion(previous.getMetadata().getResourceVersion());
    }
    return new LeaseBuilder()
        .withMetadata(meta.build())
        .withNewSpec()
        .withHolderIdentity(info.holder() + "/" + info.id())
        .withLeaseDurationSeconds((int) timing.duration().toSeconds())
        .withAcquireTime(microTime(now))
        .withRenewTime(microTime(now))
        .withLeaseTransitions(transitions)
        .endSpec()
        .build();
  }

  /** The lock in the Lease, or empty when it is released (no holder identity). */
  static Optional<LockInfo> holder(Lease lease) {
    String identity = lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
    if (identity == null || identity.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> a =
        lease.getMetadata().getAnnotations() == null
            ? Map.of()
            : lease.getMetadata().getAnnotations();
    Instant created;
    try {
      created = Instant.parse(a.getOrDefault(CREATED, ""));
    } catch (RuntimeException e) {
      // A Lease someone else wrote: its renew time is the best age we have.
      created = renewedAt(lease);
    }
    return Optional.of(
        new LockInfo(
            a.getOrDefault(ID, identity),
            a.getOrDefault(HOLDER, identity),
            a.getOrDefault(OPERATION, "unknown"),
            created,
            a.getOrDefault(TOOL_VERSION, "unknown")));
  }

  /**
   * The error for a Lease held by someone else: who, since when, how fresh the Lease is, and what
   * to do. A Lease is only found held while its holder renews it, so that run is most likely alive:
   * waiting ({@code --lock-timeout}) comes first, removing it by hand second (issue 19). The first
   * line is the one every backend prints (LockInfoCodec.describe).
   *
   * @param identity the state's identity ({@code configmap:NAMESPACE/NAME})
   * @param namespace the Lease's namespace
   */
  static StateLockedException locked(
      Lease lease, LockInfo holder, Instant now, String identity, String namespace) {
    Integer seconds = lease.getSpec().getLeaseDurationSeconds();
    return new StateLockedException(
        LockInfoCodec.describe(identity, holder)
            + "\nIts holder renewed it "
            + Durations.format(Duration.between(renewedAt(lease), now))
            + " ago, so that run is most likely still going: wait for it to finish by running"
            + " again with --lock-timeout (for example --lock-timeout 10m).\nIf that run is gone,"
            + " the lock expires by itself in "
            + Durations.format(Duration.between(now, expiresAt(lease)))
            + " ("
            + (seconds == null ? 0 : seconds)
            + "s after its last renewal) and the next run takes it over; to remove it sooner:"
            + " catalog force-unlock "
            + holder.id()
            + " (or kubectl -n "
            + namespace
            + " delete lease "
            + lease.getMetadata().getName()
            + ")",
        holder,
        true);
  }

  static Instant renewedAt(Lease lease) {
    ZonedDateTime at =
        lease.getSpec().getRenewTime() != null
            ? lease.getSpec().getRenewTime()
            : lease.getSpec().getAcquireTime();
    return at == null ? Instant.EPOCH : at.toInstant();
  }

  static Instant expiresAt(Lease lease) {
    Integer seconds = lease.getSpec().getLeaseDurationSeconds();
    return renewedAt(lease).plusSeconds(seconds == null ? 0 : seconds);
  }

  static boolean expired(Lease lease, Instant now) {
    return expiresAt(lease).isBefore(now);
  }

  /** Lease times are MicroTime: microsecond precision, UTC. */
  static ZonedDateTime microTime(Instant at) {
    return ZonedDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }
}
