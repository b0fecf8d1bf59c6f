package dev.catalog.state;

import dev.catalog.CatalogException;
import dev.catalog.Durations;
import dev.catalog.Sleeper;
import dev.catalog.state.backend.LockInfo;
import dev.catalog.state.backend.LockTakeover;
import dev.catalog.state.backend.StateLockedException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Takes the state lock, retrying with exponential backoff for {@code --lock-timeout}. When the lock
 * stays held, the error names the holder, the lock's age and whether the state shows operations in
 * flight (the holder died mid-apply) (PRODUCT.md section 2).
 */
public final class StateLocker {
  private static final Duration FIRST_DELAY = Duration.ofMillis(250);
  private static final Duration MAX_DELAY = Duration.ofSeconds(5);

  private final StateStore store;
  private final Clock clock;
  private final Sleeper sleeper;
  private final String holder;
  private final String toolVersion;

  public StateLocker(
      StateStore store, Clock clock, Sleeper sleeper, String holder, String toolVersion) {
    this.store = store;
    this.clock = clock;
    this.sleeper = sleeper;
    this.holder = holder;
    this.toolVersion = toolVersion;
  }

  /** {@code user@host} of this process. */
  public static String currentHolder() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return System.getProperty("user.name", "unknown") + "@" + host;
  }

  /**
   * Takes the lock for {@code operation}, waiting up to {@code timeout}; the lock is released when
   * the returned handle is closed (the CLI closes it on SIGINT and SIGTERM too).
   *
   * @throws StateLockedException when it is still held after {@code timeout}
   */
  public HeldLock acquire(String operation, Duration timeout) {
    var info =
        new LockInfo(UUID.randomUUID().toString(), holder, operation, clock.instant(), toolVersion);
    var deadline = clock.instant().plus(timeout);
    var delay = FIRST_DELAY;
    while (true) {
      try {
        store.backend().lock(info);
        var takeover = store.backend().lastTakeover().map(this::takeoverNotice);
        return new HeldLock(store.backend(), info, takeover);
      } catch (StateLockedException e) {
        var remaining = Duration.between(clock.instant(), deadline);
        if (remaining.isNegative() || remaining.isZero()) {
          throw explained(e, timeout);
        }
        sleep(min(delay, remaining));
        delay = min(delay.multipliedBy(2), MAX_DELAY);
      }
    }
  }

  private void sleep(Duration duration) {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CatalogException("interrupted while waiting for the state lock");
    }
  }

  /** What the person who took over an expired lock should know: who died, and what it left. */
  private String takeoverNotice(LockTakeover takeover) {
    return takeover.describe() + " " + leftInFlight();
  }

  private String leftInFlight() {
    try {
      var inFlight = store.read().state().inFlight();
      if (inFlight.isEmpty()) {
        return "The state shows no operation it left in flight.";
      }
      return "It left "
          + inFlight.size()
          + " operation(s) in flight: "
          + inFlightNames(inFlight)
          + "; 'catalog apply' resumes them.";
    } catch (CatalogException unreadable) {
      return "The state cannot be read to check what it left in flight: "
          + unreadable.getMessage();
    }
  }

  /** The operations in flight, for a lock whose holder is alive and working on them. */
  private java.util.Optional<String> workInFlight() {
    try {
      var inFlight = store.read().state().inFlight();
      return inFlight.isEmpty()
          ? java.util.Optional.empty()
          : java.util.Optional.of(
              "The state shows "
                  + inFlight.size()
                  + " operation(s) in flight, which that run is most likely working on: "
                  + inFlightNames(inFlight)
                  + ".");
    } catch (CatalogException unreadable) {
      return java.util.Optional.empty();
    }
  }

  private StateLockedException explained(StateLockedException e, Duration timeout) {
    var lock = e.holder();
    var text = new StringBuilder(e.getMessage());
    if (!timeout.isZero()) {
      text.append("\nStill locked after --lock-timeout ")
          .append(Durations.format(timeout))
          .append('.');
    }
    if (e.renewed()) {
      // The backend's message already says to wait first and how to remove it second.
      workInFlight().ifPresent(work -> text.append('\n').append(work));
      return new StateLockedException(text.toString(), lock, true);
    }
    if (lock.created() != null && !lock.created().equals(Instant.EPOCH)) {
      var age = Duration.between(lock.created(), clock.instant());
      text.append("\nThe lock is ").append(Durations.format(age)).append(" old.");
    }
    text.append(' ').append(inFlightReport(lock.id()));
    return new StateLockedException(text.toString(), lock);
  }

  private String inFlightReport(String lockId) {
    try {
      var inFlight = store.read().state().inFlight();
      if (inFlight.isEmpty()) {
        return "The state shows no operation in flight. If no catalog run is active, release the"
            + " lock with: catalog force-unlock "
            + lockId;
      }
      return "The state shows "
          + inFlight.size()
          + " operation(s) in flight: "
          + inFlightNames(inFlight)
          + ". If the holder died mid-apply, run 'catalog force-unlock "
          + lockId
          + "' and then 'catalog apply' to resume them.";
    } catch (CatalogException unreadable) {
      return "The state cannot be read to check for operations in flight: "
          + unreadable.getMessage();
    }
  }

  private static String inFlightNames(java.util.List<ResourceState> inFlight) {
    return inFlight.stream()
        .map(r -> r.address() + " (" + r.lastOperation().orElseThrow().type().wireName() + ")")
        .collect(Collectors.joining(", "));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
