package dev.catalog.state.backend.configmap;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.CatalogException;
import dev.catalog.state.HeldLock;
import dev.catalog.state.ManualClock;
import dev.catalog.state.OperationState;
import dev.catalog.state.StateLocker;
import dev.catalog.state.StateStore;
import dev.catalog.state.TestStates;
import dev.catalog.state.backend.LockInfo;
import dev.catalog.state.backend.LockTakeover;
import dev.catalog.state.backend.StateLockedException;
import dev.catalog.testkube.KubeApiServerExtension;
import dev.catalog.testkube.RunningKubeApiServer;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Lease lock on a real server; time is injected, the server's own clock is not consulted. */
@ExtendWith(KubeApiServerExtension.class)
class ConfigMapLeaseLockIT {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final LockInfo ALICE =
      new LockInfo("11111111-aaaa", "alice@build-1", "apply", T0, "0.1.0");
  private static final LockInfo BOB =
      new LockInfo("22222222-bbbb", "bob@laptop", "plan", T0.plusSeconds(100), "0.1.0");

  private RunningKubeApiServer server;
  private String namespace;

  @BeforeEach
  void namespace(RunningKubeApiServer server) {
    this.server = server;
    this.namespace = server.newNamespace("lock");
  }

  @Test
  void lockContentionNamesTheHolderAndItsAge() {
    try (ConfigMapBackend alice = open(Clock.fixed(T0, ZoneOffset.UTC));
        ConfigMapBackend bob = open(Clock.fixed(T0.plusSeconds(42), ZoneOffset.UTC))) {
      alice.lock(ALICE);

      assertThatThrownBy(() -> bob.lock(BOB))
          .isInstanceOfSatisfying(
              StateLockedException.class, e -> assertThat(e.holder()).isEqualTo(ALICE))
          .hasMessage(
              "state configmap:"
                  + namespace
                  + "/catalog-state is locked by alice@build-1 (operation 'apply', lock id"
                  + " 11111111-aaaa, since 2026-03-01T10:00:00Z, catalog 0.1.0)\nIts holder"
                  + " renewed it 42s ago, so that run is most likely still going: wait for it to"
                  + " finish by running again with --lock-timeout (for example --lock-timeout"
                  + " 10m).\nIf that run is gone, the lock expires by itself in 18s (60s after its"
                  + " last renewal) and the next run takes it over; to remove it sooner: catalog"
                  + " force-unlock 11111111-aaaa (or kubectl -n "
                  + namespace
                  + " delete lease catalog-state-lock)");
      assertThat(bob.currentLock()).contains(ALICE);
      try (KubernetesClient admin = server.newClient()) {
        Lease lease = admin.leases().inNamespace(namespace).withName("catalog-state-lock").get();
        assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("alice@build-1/11111111-aaaa");
        assertThat(lease.getSpec().getLeaseDurationSeconds()).isEqualTo(60);
        assertThat(lease.getMetadata().getLabels())
            .containsEntry("app.kubernetes.io/managed-by", "catalog");
        assertThat(lease.getMetadata().getAnnotations())
            .containsEntry("catalog.dev/lock-operation", "apply");
      }
    }
  }

  @Test
  void unlockReleasesOnlyTheLockWithThatId() {
    try (ConfigMapBackend alice = open(Clock.systemUTC());
        ConfigMapBackend bob = open(Clock.systemUTC())) {
      alice.lock(ALICE);
      bob.unlock(BOB.id());
      assertThat(bob.currentLock()).contains(ALICE);

      alice.unlock(ALICE.id());

      assertThat(bob.currentLock()).isEmpty();
      bob.lock(BOB);
      assertThat(alice.currentLock()).contains(BOB);
      assertThat(bob.lastTakeover()).isEmpty();
    }
  }

  @Test
  void expiredLeaseOfADeadHolderIsTakenOverAndReported() {
    ConfigMapBackend alice = open(Clock.fixed(T0, ZoneOffset.UTC));
    alice.lock(ALICE);
    alice.close(); // dies: the heartbeat stops, the lock is never released

    Instant later = T0.plus(ConfigMapBackends.LEASE).plusSeconds(125);
    try (ConfigMapBackend bob = open(Clock.fixed(later, ZoneOffset.UTC));
        ConfigMapBackend aliceAgain = open(Clock.systemUTC())) {
      bob.lock(BOB);

      assertThat(bob.currentLock()).contains(BOB);
      LockTakeover takeover = bob.lastTakeover().orElseThrow();
      assertThat(takeover)
          .isEqualTo(new LockTakeover(ALICE, Duration.ofSeconds(185), Duration.ofSeconds(185)));
      assertThat(takeover.describe())
          .isEqualTo(
              "Took over the state lock of alice@build-1, whose 'apply' took it 3m5s ago (lock"
                  + " id 11111111-aaaa, since 2026-03-01T10:00:00Z) and stopped renewing it 3m5s"
                  + " ago, most likely because that run died.");
      aliceAgain.unlock(ALICE.id());
      assertThat(aliceAgain.currentLock()).contains(BOB);
    }
  }

  @Test
  void aTakeoverIsASentenceNamingTheDeadHolderAndWhatItLeftInFlight() {
    ConfigMapBackend alice = open(Clock.fixed(T0, ZoneOffset.UTC));
    new StateStore(alice, "0.1.0")
        .update(s -> s.with(TestStates.instance("orders-db", OperationState.IN_PROGRESS)));
    alice.lock(ALICE);
    alice.close(); // dies mid-provision: the Lease is never renewed nor released

    Instant later = T0.plus(ConfigMapBackends.LEASE).plusSeconds(125);
    try (ConfigMapBackend bob = open(Clock.fixed(later, ZoneOffset.UTC))) {
      var locker =
          new StateLocker(
              new StateStore(bob, "0.1.0"), new ManualClock(later), d -> {}, "bob@laptop", "0.1.0");
      try (HeldLock held = locker.acquire("apply", Duration.ZERO)) {
        assertThat(held.takeover())
            .contains(
                "Took over the state lock of alice@build-1, whose 'apply' took it 3m5s ago (lock"
                    + " id 11111111-aaaa, since 2026-03-01T10:00:00Z) and stopped renewing it"
                    + " 3m5s ago, most likely because that run died. It left 1 operation(s) in"
                    + " flight: instance.orders-db (provision); 'catalog apply' resumes them.");
      }
    }
  }

  @Test
  void aLiveLockPointsAtLockTimeoutFirstAndForceUnlockSecond() {
    try (ConfigMapBackend alice = open(Clock.fixed(T0, ZoneOffset.UTC));
        ConfigMapBackend bob = open(Clock.fixed(T0.plusSeconds(5), ZoneOffset.UTC))) {
      new StateStore(alice, "0.1.0")
          .update(s -> s.with(TestStates.instance("orders-db", OperationState.IN_PROGRESS)));
      alice.lock(ALICE);
      var clock = new ManualClock(T0.plusSeconds(5));
      var locker =
          new StateLocker(new StateStore(bob, "0.1.0"), clock, clock::advance, "bob", "0.1.0");

      assertThatThrownBy(() -> locker.acquire("plan", Duration.ofSeconds(1)))
          .isInstanceOf(StateLockedException.class)
          .hasMessage(
              "state configmap:"
                  + namespace
                  + "/catalog-state is locked by alice@build-1 (operation 'apply', lock id"
                  + " 11111111-aaaa, since 2026-03-01T10:00:00Z, catalog 0.1.0)\nIts holder"
                  + " renewed it 5s ago, so that run is most likely still going: wait for it to"
                  + " finish by running again with --lock-timeout (for example --lock-timeout"
                  + " 10m).\nIf that run is gone, the lock expires by itself in 55s (60s after its"
                  + " last renewal) and the next run takes it over; to remove it sooner: catalog"
                  + " force-unlock 11111111-aaaa (or kubectl -n "
                  + namespace
                  + " delete lease catalog-state-lock)\nStill locked after --lock-timeout 1s.\nThe"
                  + " state shows 1 operation(s) in flight, which that run is most likely working"
                  + " on: instance.orders-db (provision).");
      alice.unlock(ALICE.id());
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void heartbeatRenewsTheLeaseWhileHeldSoItDoesNotExpire() throws InterruptedException {
    SettableClock aliceClock = new SettableClock(T0);
    Instant beat = T0.plusSeconds(50);
    CountDownLatch renewedAtBeat = new CountDownLatch(1);
    LeaseLock.Options heartbeat =
        new LeaseLock.Options(
            new LeaseTiming(ConfigMapBackends.LEASE, Duration.ofMillis(50)),
            aliceClock,
            new LeaseHeartbeatListener() {
              @Override
              public void renewed(Instant at) {
                if (!at.isBefore(beat)) {
                  renewedAtBeat.countDown();
                }
              }
            });
    // Without renewal the lease acquired at T0 would have expired at T0+60s.
    Instant afterFirstExpiry = T0.plusSeconds(70);
    try (ConfigMapBackend alice = ConfigMapBackends.open(server, namespace, heartbeat);
        ConfigMapBackend bob = open(Clock.fixed(afterFirstExpiry, ZoneOffset.UTC))) {
      alice.lock(ALICE);
      aliceClock.set(beat);
      renewedAtBeat.await();

      assertThatThrownBy(() -> bob.lock(BOB))
          .isInstanceOf(StateLockedException.class)
          .hasMessageContaining(
              "Its holder renewed it 20s ago, so that run is most likely still going: wait for it"
                  + " to finish by running again with --lock-timeout (for example --lock-timeout"
                  + " 10m).\nIf that run is gone, the lock expires by itself in 40s (60s after its"
                  + " last renewal)");

      alice.unlock(ALICE.id());
      bob.lock(BOB);
      assertThat(bob.currentLock()).contains(BOB);
      assertThat(bob.lastTakeover()).isEmpty();
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void heartbeatNoticesTheLockWasForceUnlockedAndFurtherWritesAreRefused()
      throws InterruptedException {
    CountDownLatch lost = new CountDownLatch(1);
    LeaseLock.Options heartbeat =
        new LeaseLock.Options(
            new LeaseTiming(ConfigMapBackends.LEASE, Duration.ofMillis(50)),
            Clock.systemUTC(),
            new LeaseHeartbeatListener() {
              @Override
              public void lost(String reason) {
                lost.countDown();
              }
            });
    try (ConfigMapBackend alice = ConfigMapBackends.open(server, namespace, heartbeat);
        ConfigMapBackend bob = open(Clock.systemUTC())) {
      String version = alice.write("{}".getBytes(UTF_8), Optional.empty(), "create");
      alice.lock(ALICE);
      bob.forceUnlock(ALICE.id());
      lost.await();

      assertThatThrownBy(() -> alice.write("{}".getBytes(UTF_8), Optional.of(version), "next"))
          .isInstanceOf(CatalogException.class)
          .hasMessage(
              "the lock on state configmap:"
                  + namespace
                  + "/catalog-state was lost while held: the Lease was deleted (force-unlock?);"
                  + " nothing more was written, check the state before running again");
      assertThat(bob.read().orElseThrow().version()).isEqualTo(version);
    }
  }

  @Test
  void forceUnlockChecksTheLockId() {
    try (ConfigMapBackend alice = open(Clock.systemUTC());
        ConfigMapBackend bob = open(Clock.systemUTC())) {
      alice.lock(ALICE);

      assertThatThrownBy(() -> bob.forceUnlock("33333333-cccc"))
          .isInstanceOf(CatalogException.class)
          .hasMessage(
              "lock id 33333333-cccc does not match the lock on state configmap:"
                  + namespace
                  + "/catalog-state (id 11111111-aaaa, held by alice@build-1); nothing was"
                  + " released");
      assertThat(bob.currentLock()).contains(ALICE);

      bob.forceUnlock(ALICE.id());

      assertThat(alice.currentLock()).isEmpty();
      assertThatThrownBy(() -> bob.forceUnlock(ALICE.id()))
          .isInstanceOf(CatalogException.class)
          .hasMessage("state configmap:" + namespace + "/catalog-state is not locked");
    }
  }

  private ConfigMapBackend open(Clock clock) {
    return ConfigMapBackends.open(server, namespace, ConfigMapBackends.options(clock));
  }
}
