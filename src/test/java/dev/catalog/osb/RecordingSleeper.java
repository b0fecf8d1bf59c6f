package dev.catalog.osb;

import dev.catalog.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sleeper that records each wait and moves a {@link FakeClock} instead of waiting. */
public final class RecordingSleeper implements Sleeper {
  private final FakeClock clock;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  public RecordingSleeper(FakeClock clock) {
    this.clock = clock;
  }

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    clock.advance(duration);
  }

  public List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }
}
