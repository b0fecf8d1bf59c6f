package dev.catalog.state;

import dev.catalog.CatalogException;
import dev.catalog.Durations;
import dev.catalog.Sleeper;
import dev.catalog.state.backend.LockInfo;
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
        return new HeldLock(store.backend(), info);
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

  private StateLockedException explained(StateLockedException e, Duration timeout) {
    var lock = e.holder();
    var text = new StringBuilder(e.getMessage());
    if (!timeout.isZero()) {
      text.append("\nStill locked after --lock-timeout ")
          .append(Durations.format(timeout))
          .append('.');
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
      var names =
          inFlight.stream()
              .map(
                  r -> r.address() + " (" + r.lastOperation().orElseThrow().type().wireName() + ")")
              .collect(Collectors.joining(", "));
      return "The state shows "
          + inFlight.size()
          + " operation(s) in flight: "
          + names
          + ". If the holder died mid-apply, run 'catalog force-unlock "
          + lockId
          + "' and then 'catalog apply' to resume them.";
    } catch (CatalogException unreadable) {
      return "The state cannot be read to check for operations in flight: "
          + unreadable.getMessage();
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
