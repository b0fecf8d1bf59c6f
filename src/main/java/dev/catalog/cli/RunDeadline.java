package dev.catalog.cli;

import dev.catalog.CatalogException;
import dev.catalog.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@code --timeout} deadline of one apply or destroy (issue 15 item 5), counted from the start
 * of the run. Planning past it is refused before anything is sent; once applying, reaching it
 * stops the walk as the first SIGTERM does (no new operation starts, running requests are answered
 * and recorded, operations being polled stay in flight with their tokens), and the run exits 1.
 */
final class RunDeadline {
  private final Optional<Duration> limit;
  private final Optional<Instant> at;
  private final Clock clock;

  RunDeadline(Optional<Duration> limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
    this.at = limit.map(l -> clock.instant().plus(l));
  }

  /** Refuses to start applying once the deadline has passed (planning took it all). */
  void checkBeforeApplying() {
    if (at.isPresent() && !clock.instant().isBefore(at.get())) {
      throw new CatalogException(
          "the --timeout "
              + shown(limit.get())
              + " deadline passed while planning; nothing was changed at any broker or in state");
    }
  }

  /** Runs {@code onDeadline} once, on its own thread, when the deadline comes; close to cancel. */
  Timer start(Runnable onDeadline) {
    return new Timer(onDeadline);
  }

  /** The limit as the user wrote it; only for a run with a deadline. */
  String shownLimit() {
    return shown(limit.orElseThrow());
  }

  /** The message for a run the deadline stopped. */
  String stoppedMessage() {
    return "apply stopped at its --timeout of "
        + shown(limit.orElseThrow())
        + ": operations not started were left out, and operations still in progress are recorded"
        + " in state; run \"catalog apply\" again (or \"catalog refresh\") to finish them";
  }

  /** The limit as written: {@code 30m}, {@code 90s}, or {@code 500ms} below a second. */
  static String shown(Duration limit) {
    return limit.toMillis() < 1000 ? limit.toMillis() + "ms" : Durations.format(limit);
  }

  /** A scheduled deadline; {@link #fired()} says whether it came. */
  final class Timer implements AutoCloseable {
    private final AtomicBoolean fired = new AtomicBoolean();
    private final Optional<ScheduledExecutorService> executor;

    private Timer(Runnable onDeadline) {
      executor =
          at.map(
              deadline -> {
                var scheduler =
                    Executors.newSingleThreadScheduledExecutor(
                        task -> {
                          var t = new Thread(task, "catalog-deadline");
                          t.setDaemon(true);
                          return t;
                        });
                var delay = Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
                scheduler.schedule(
                    () -> {
                      fired.set(true);
                      onDeadline.run();
                    },
                    delay,
                    TimeUnit.MILLISECONDS);
                return scheduler;
              });
    }

    boolean fired() {
      return fired.get();
    }

    @Override
    public void close() {
      executor.ifPresent(ScheduledExecutorService::shutdownNow);
    }
  }
}
