package dev.catalog.cli;

import dev.catalog.apply.ApplyListener;
import dev.catalog.render.TerminalProgressRenderer;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A once-a-second tick to the progress renderer while an apply runs, so a CI log gets a "Still
 * creating... [10s elapsed]" line at least every 10 s even when no event arrives (issue 19).
 */
final class ProgressTicks implements AutoCloseable {
  private final ScheduledExecutorService timer;

  private ProgressTicks(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  static ProgressTicks start(ApplyListener listener, Clock clock) {
    if (!(listener instanceof TerminalProgressRenderer renderer)) {
      return new ProgressTicks(null);
    }
    var timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              var thread = new Thread(r, "progress-ticks");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleAtFixedRate(() -> renderer.tick(clock.instant()), 1, 1, TimeUnit.SECONDS);
    return new ProgressTicks(timer);
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
