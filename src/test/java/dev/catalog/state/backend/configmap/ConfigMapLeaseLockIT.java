package dev.catalog.state.backend.configmap;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.CatalogException;
import dev.catalog.state.backend.LockInfo;
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
                  + " 11111111-aaaa, since 2026-03-01T10:00:00Z, catalog 0.1.0)\nIts Lease was"
                  + " renewed 42s ago and expires in 18s unless renewed.\nTo remove it by hand:"
                  + " kubectl -n "
                  + namespace
                  + " delete lease catalog-state-lock  (or: catalog force-unlock 11111111-aaaa)");
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
              "took over an expired state lock (operation 'apply', lock id 11111111-aaaa, held"
                  + " by alice@build-1, since 2026-03-01T10:00:00Z, 3m5s old, last renewed 3m5s"
                  + " ago): its holder probably died, check the state for operations in flight");
      aliceAgain.unlock(ALICE.id());
      assertThat(aliceAgain.currentLock()).contains(BOB);
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
          .hasMessageContaining("Its Lease was renewed 20s ago and expires in 40s unless renewed.");

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
