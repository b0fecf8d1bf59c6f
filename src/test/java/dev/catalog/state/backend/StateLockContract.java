package dev.catalog.state.backend;

import dev.catalog.cli.BackendFactory;
import dev.catalog.config.BackendKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.CatalogException;
import dev.catalog.state.ManualClock;
import dev.catalog.state.OperationState;
import dev.catalog.state.StateLocker;
import dev.catalog.state.StateStore;
import dev.catalog.state.TestStates;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
/**
 * The locking half of {@link StateBackendContract}: one lock at a time, contention that names the
 * holder, timeouts with backoff, force-unlock, and a lock that dies with its holder's process.
 * It also opens backends for both halves, so a subclass only says which backend and where.
 */
public abstract class StateLockContract {
  protected static final Instant NOW = Instant.parse("2026-11-21T07:00:00Z");

  @TempDir protected Path workDir;

  protected Map<String, String> settings;
  private final List<StateBackend> opened = new ArrayList<>();

  /** The backend type passed to {@link BackendFactory#open}. */
  protected abstract String type();

  /** Settings naming a fresh, empty location; called once per test. */
  protected abstract Map<String, String> settings();

  @BeforeEach
  void chooseLocation() {
    settings = settings();
  }

  @AfterEach
  void closeBackends() {
    opened.forEach(StateBackend::close);
  }

  /** A new backend instance on this test's location, as another run of catalog would open it. */
  protected StateBackend open() {
    var backend = BackendFactory.open(BackendKind.parse(type()), settings, workDir);
    opened.add(backend);
    return backend;
  }

  protected StateStore store() {
    return new StateStore(open(), "test");
  }

  private static LockInfo lockBy(String holder) {
    return new LockInfo("lock-" + holder, holder, "apply", NOW, "0.1.0");
  }

  @Test
  void lockContentionNamesTheHolder() {
    var holder = lockBy("alice@build-1");
    open().lock(holder);
    var other = open();
    assertThatThrownBy(() -> other.lock(lockBy("bob@laptop")))
        .isInstanceOfSatisfying(
            StateLockedException.class, e -> assertThat(e.holder()).isEqualTo(holder))
        .hasMessageContaining(
            " is locked by alice@build-1 (operation 'apply', lock id lock-alice@build-1, since "
                + "2026-11-21T07:00:00Z, catalog 0.1.0)");
    assertThat(other.currentLock()).contains(holder);
  }

  @Test
  void unlockReleasesTheLockForTheNextHolder() {
    var first = open();
    first.lock(lockBy("alice@build-1"));
    first.unlock("lock-alice@build-1");
    var second = open();
    assertThat(second.currentLock()).isEmpty();
    second.lock(lockBy("bob@laptop"));
    assertThat(open().currentLock().map(LockInfo::holder)).contains("bob@laptop");
  }

  @Test
  void lockTimeoutRetriesWithBackoffAndThenReportsTheHolderAndAge() {
    open().lock(new LockInfo("lock-1", "alice@build-1", "apply", NOW.minusSeconds(3600), "0.1.0"));
    var clock = new ManualClock(NOW);
    var sleeps = new ArrayList<Duration>();
    var locker =
        new StateLocker(
            store(),
            clock,
            d -> {
              sleeps.add(d);
              clock.advance(d);
            },
            "bob@laptop",
            "0.1.0");
    // A backend that saw the holder renew the lock (the Lease) already said to wait first.
    assertThatThrownBy(() -> locker.acquire("plan", Duration.ofSeconds(10)))
        .isInstanceOfSatisfying(
            StateLockedException.class,
            e ->
                assertThat(e.getMessage())
                    .endsWith(
                        e.renewed()
                            ? " (60s after its last renewal) and the next run takes it over; to"
                                + " remove it sooner: catalog force-unlock lock-1 (or kubectl -n "
                                + settings.get("namespace")
                                + " delete lease catalog-state-lock)\nStill locked after"
                                + " --lock-timeout 10s."
                            : "\nStill locked after --lock-timeout 10s.\nThe lock is 1h10s old."
                                + " The state shows no operation in flight. If no catalog run is"
                                + " active, release the lock with: catalog force-unlock lock-1"));
    assertThat(sleeps)
        .containsExactly(
            Duration.ofMillis(250),
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofMillis(2250));
  }

  @Test
  void lockTimeoutSucceedsOnceTheHolderReleases() {
    var holder = open();
    holder.lock(lockBy("alice@build-1"));
    var clock = new ManualClock(NOW);
    var sleeps = new ArrayList<Duration>();
    var locker =
        new StateLocker(
            store(),
            clock,
            d -> {
              sleeps.add(d);
              clock.advance(d);
              if (sleeps.size() == 2) {
                holder.unlock("lock-alice@build-1");
              }
            },
            "bob@laptop",
            "0.1.0");
    try (var lock = locker.acquire("apply", Duration.ofMinutes(1))) {
      assertThat(open().currentLock().map(LockInfo::holder)).contains("bob@laptop");
    }
    assertThat(sleeps).hasSize(2);
    assertThat(open().currentLock()).isEmpty();
  }

  @Test
  void aStaleLockReportsTheOperationsInFlight() {
    store().update(s -> s.with(TestStates.instance("orders-db", OperationState.IN_PROGRESS)));
    open().lock(new LockInfo("lock-1", "alice@build-1", "apply", NOW.minusSeconds(90), "0.1.0"));
    var locker = new StateLocker(store(), new ManualClock(NOW), d -> {}, "bob@laptop", "0.1.0");
    assertThatThrownBy(() -> locker.acquire("apply", Duration.ZERO))
        .isInstanceOfSatisfying(
            StateLockedException.class,
            e ->
                assertThat(e.getMessage())
                    .endsWith(
                        e.renewed()
                            ? "\nThe state shows 1 operation(s) in flight, which that run is most"
                                + " likely working on: instance.orders-db (provision)."
                            : "\nThe lock is 1m30s old. The state shows 1 operation(s) in"
                                + " flight: instance.orders-db (provision). If the holder died"
                                + " mid-apply, run 'catalog force-unlock lock-1' and then"
                                + " 'catalog apply' to resume them."));
  }

  @Test
  void forceUnlockChecksTheLockId() {
    open().lock(lockBy("alice@build-1"));
    var rescuer = open();
    assertThatThrownBy(() -> rescuer.forceUnlock("lock-wrong"))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("lock id lock-wrong does not match the lock on state ")
        .hasMessageEndingWith(
            " (id lock-alice@build-1, held by alice@build-1); nothing was released");
    assertThat(rescuer.currentLock().map(LockInfo::id)).contains("lock-alice@build-1");
    rescuer.forceUnlock("lock-alice@build-1");
    assertThat(open().currentLock()).isEmpty();
    var next = open();
    next.lock(lockBy("bob@laptop"));
    assertThat(open().currentLock().map(LockInfo::holder)).contains("bob@laptop");
  }

  @Test
  void forceUnlockWithoutALockSaysSo() {
    var backend = open();
    assertThatThrownBy(() -> backend.forceUnlock("lock-1"))
        .isInstanceOf(CatalogException.class)
        .hasMessage("state " + backend.identity() + " is not locked");
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aLockIsReleasedWhenItsHolderIsTerminated() throws Exception {
    try (var child = ChildProcess.start("hold-lock", type(), workDir, settings)) {
      var line = child.readLine();
      assertThat(line).as(child::errors).startsWith("locked ");
      assertThat(open().currentLock().map(LockInfo::holder)).contains("child@test");
      child.terminate();
      var after = open().currentLock();
      assertThat(after)
          .withFailMessage(() -> "still locked: " + after + " child stderr: " + child.errors())
          .isEmpty();
    }
  }
}
