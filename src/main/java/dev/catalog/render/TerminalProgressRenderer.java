package dev.catalog.render;

import dev.catalog.apply.ApplyEvent;
import dev.catalog.apply.ApplyListener;
import dev.catalog.apply.ApplyResult;
import dev.catalog.apply.Step;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Apply progress on an interactive terminal: finished steps scroll up as lines, and below them a
 * live block keeps one line per running operation (address, action, elapsed time, the broker's last
 * description), redrawn in place with ANSI cursor movement. Without a terminal it prints what
 * {@link LineProgressRenderer} prints. {@link #tick()} redraws the block so elapsed times move
 * between events; the CLI calls it once a second.
 */
public final class TerminalProgressRenderer implements ApplyListener {
  private static final String ERASE_LINE_UP = "\u001B[1A\u001B[2K";

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean interactive;
  private final int width;
  private final Clock clock;
  private final AnsiStyle style;
  private final LineProgressRenderer lines;
  private final Map<String, Running> running = new LinkedHashMap<>();
  private int drawn;
  private final boolean destroy;

  /**
   * @param interactive whether {@code out} is a terminal that understands ANSI cursor movement
   * @param width the terminal's columns; live lines are cut to fit so the redraw stays aligned
   */
  public TerminalProgressRenderer(
      PrintWriter out, boolean interactive, boolean colour, int width, Clock clock) {
    this(out, out, interactive, colour, width, clock, false);
  }

  /**
   * A renderer whose {@code Error:} lines go to {@code err}.
   *
   * @param destroy whether this is a destroy, which has its own summary words
   */
  public TerminalProgressRenderer(
      PrintWriter out,
      PrintWriter err,
      boolean interactive,
      boolean colour,
      int width,
      Clock clock,
      boolean destroy) {
    this.destroy = destroy;
    this.out = out;
    this.err = err;
    this.interactive = interactive;
    this.width = width;
    this.clock = clock;
    this.style = new AnsiStyle(colour);
    this.lines = new LineProgressRenderer(out, err, colour, destroy);
  }

  @Override
  public synchronized void onEvent(ApplyEvent event) {
    if (!interactive) {
      lines.onEvent(event);
      return;
    }
    erase();
    Step step = event.step();
    if (event instanceof ApplyEvent.Started e) {
      running.put(step.address(), new Running(step, e.at(), ""));
    } else if (event instanceof ApplyEvent.Polling e) {
      Instant started = running.get(step.address()).started();
      running.put(step.address(), new Running(step, started, e.description()));
    } else {
      running.remove(step.address());
      String line = ProgressLines.once(event).orElseThrow();
      out.println(event instanceof ApplyEvent.Failed ? style.red(line) : line);
    }
    draw(event.at());
  }

  /** Redraws the live block with the current time; does nothing without a terminal. */
  public synchronized void tick() {
    if (interactive && !running.isEmpty()) {
      erase();
      draw(clock.instant());
    }
  }

  /** A timer's tick; only the line renderer (no terminal) prints anything for it. */
  public void tick(Instant now) {
    if (!interactive) {
      lines.tick(now);
    }
  }

  @Override
  public synchronized void onFinish(ApplyResult result) {
    if (interactive) {
      erase();
      running.clear();
    }
    LineProgressRenderer.printErrorsAndSummary(out, err, style, result, destroy);
  }

  private void erase() {
    out.print(ERASE_LINE_UP.repeat(drawn));
    drawn = 0;
  }

  private void draw(Instant now) {
    for (Running op : running.values()) {
      out.println(fit(liveLine(op, now)));
      drawn++;
    }
    out.flush();
  }

  private String liveLine(Running op, Instant now) {
    String line =
        "  "
            + op.step().address()
            + "  "
            + ActionWords.of(op.step().action()).still
            + "  "
            + Elapsed.format(Duration.between(op.started(), now));
    String description = ProgressLines.printable(op.description());
    return description.isEmpty() ? line : line + "  " + description;
  }

  // Live lines carry no colour, so cutting by characters keeps every line on one terminal row.
  private String fit(String line) {
    return line.length() <= width ? line : line.substring(0, Math.max(0, width - 1)) + "…";
  }

  private record Running(Step step, Instant started, String description) {}
}
