package dev.catalog.render;

import dev.catalog.apply.ApplyEvent;
import dev.catalog.apply.ApplyListener;
import dev.catalog.apply.ApplyResult;
import dev.catalog.apply.StepResult;
import dev.catalog.apply.StepStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Apply progress for CI logs (no terminal, or {@code CI=true}): one plain line per event, then the
 * errors and the summary. A poll is printed when the broker's description changes or {@value
 * #REPEAT_SECONDS} seconds after the step's last line, so a long operation shows it is alive
 * without filling the log.
 */
public final class LineProgressRenderer implements ApplyListener {
  static final int REPEAT_SECONDS = 10;

  private final PrintWriter out;
  private final PrintWriter err;
  private final AnsiStyle style;
  private final Map<String, Printed> lastPoll = new HashMap<>();
  private final Map<String, ApplyEvent.Started> running = new java.util.TreeMap<>();
  private final boolean destroy;

  public LineProgressRenderer(PrintWriter out, boolean colour) {
    this(out, out, colour, false);
  }

  /**
   * @param err where the {@code Error:} lines go: stderr, so {@code catalog apply 2>errors.txt}
   *     captures them like every other command's errors (issue 19)
   * @param destroy whether this is a destroy, which has its own summary words
   */
  public LineProgressRenderer(PrintWriter out, PrintWriter err, boolean colour, boolean destroy) {
    this.out = out;
    this.err = err;
    this.style = new AnsiStyle(colour);
    this.destroy = destroy;
  }

  @Override
  public synchronized void onEvent(ApplyEvent event) {
    if (event instanceof ApplyEvent.Started started) {
      running.put(started.step().address(), started);
    } else if (!(event instanceof ApplyEvent.Polling)) {
      running.remove(event.step().address());
    }
    if (event instanceof ApplyEvent.Polling poll) {
      if (worthPrinting(poll)) {
        out.println(ProgressLines.polling(poll));
      }
    } else {
      String line = ProgressLines.once(event).orElseThrow();
      out.println(event instanceof ApplyEvent.Failed ? style.red(line) : line);
      lastPoll.put(event.step().address(), new Printed(event.at(), ""));
    }
    out.flush();
  }

  /**
   * Called by a timer (every second or so): a step whose last line is {@value #REPEAT_SECONDS}
   * seconds old gets a {@code Still creating... [10s elapsed]} line even when no poll came, as
   * Terraform prints one, so a CI log shows a long request or a slow poll schedule is alive (issue
   * 19: a 30 s poll interval or a slow synchronous request left the log silent).
   */
  public synchronized void tick(Instant now) {
    for (var started : running.values()) {
      var address = started.step().address();
      var last = lastPoll.getOrDefault(address, new Printed(started.at(), ""));
      if (Duration.between(last.at(), now).getSeconds() >= REPEAT_SECONDS) {
        var elapsed = Duration.between(started.at(), now);
        out.println(
            ProgressLines.polling(
                new ApplyEvent.Polling(started.step(), now, elapsed, last.description())));
        lastPoll.put(address, new Printed(now, last.description()));
      }
    }
    out.flush();
  }

  @Override
  public synchronized void onFinish(ApplyResult result) {
    printErrorsAndSummary(out, err, style, result, destroy);
  }

  /** The failures, each as an {@code Error:} line on {@code err}, then the summary line. */
  static void printErrorsAndSummary(
      PrintWriter out, PrintWriter err, AnsiStyle style, ApplyResult result, boolean destroy) {
    out.println();
    out.flush();
    for (StepResult step : result.steps()) {
      if (step.status() == StepStatus.FAILED) {
        err.println(style.red("Error: ") + step.detail());
      }
    }
    err.flush();
    String summary = ApplySummary.line(result, destroy);
    out.println(
        result.succeeded()
            ? style.green(summary)
            : result.interrupted() ? style.yellow(summary) : style.red(summary));
    out.flush();
  }

  private boolean worthPrinting(ApplyEvent.Polling poll) {
    Printed last = lastPoll.get(poll.step().address());
    boolean due =
        last == null
            || !last.description().equals(poll.description())
            || !Duration.between(last.at(), poll.at()).minusSeconds(REPEAT_SECONDS).isNegative();
    if (due) {
      lastPoll.put(poll.step().address(), new Printed(poll.at(), poll.description()));
    }
    return due;
  }

  private record Printed(Instant at, String description) {}
}
