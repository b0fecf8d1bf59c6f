package dev.catalog.apply;

import java.util.ArrayList;
import java.util.List;

/** Records a walk's events as {@code kind address [detail]} lines, for ordering assertions. */
final class ApplyLog implements ApplyListener {
  private final List<String> lines = new ArrayList<>();
  private ApplyResult result;

  @Override
  public synchronized void onEvent(ApplyEvent event) {
    lines.add(line(event));
  }

  @Override
  public synchronized void onFinish(ApplyResult result) {
    this.result = result;
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  synchronized ApplyResult result() {
    return result;
  }

  static String line(ApplyEvent event) {
    String address = event.step().address().toString();
    if (event instanceof ApplyEvent.Started) {
      return "started " + address;
    } else if (event instanceof ApplyEvent.Polling p) {
      return "polling " + address + " " + p.description();
    } else if (event instanceof ApplyEvent.Completed) {
      return "completed " + address;
    } else if (event instanceof ApplyEvent.LeftInProgress) {
      return "in-progress " + address;
    } else if (event instanceof ApplyEvent.Failed f) {
      return "failed " + address + " " + f.message();
    } else if (event instanceof ApplyEvent.Skipped s) {
      return "skipped " + address + " " + s.reason();
    }
    throw new AssertionError(event);
  }
}
