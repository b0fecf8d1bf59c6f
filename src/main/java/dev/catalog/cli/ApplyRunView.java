package dev.catalog.cli;

import dev.catalog.CatalogException;
import dev.catalog.apply.ApplyListener;
import dev.catalog.apply.ApplyView;
import dev.catalog.apply.CancellationToken;
import dev.catalog.apply.StateRecorder;
import dev.catalog.plan.Plan;
import dev.catalog.render.JsonProgressRenderer;
import dev.catalog.render.PlanViews;
import dev.catalog.render.Styles;
import dev.catalog.render.TerminalProgressRenderer;
import dev.catalog.render.TextPlanRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * How {@code apply} and {@code destroy} show an apply on the terminal: the text plan (none under
 * {@code --format json}), the approval prompt, the progress renderer, and the signal handling while
 * planning and applying, through {@link LastActions}.
 */
final class ApplyRunView implements ApplyView {
  private final CliEnvironment env;
  private final boolean json;
  private final boolean colour;
  private final boolean destroy;
  private final Clock clock;
  private final RunDeadline deadline;
  private volatile boolean timedOut;

  /**
   * @param destroy whether this run destroys, which has its own summary words
   * @param deadline the run's {@code --timeout}, if any
   */
  ApplyRunView(
      CliEnvironment env,
      boolean json,
      boolean colour,
      boolean destroy,
      Clock clock,
      RunDeadline deadline) {
    this.env = env;
    this.json = json;
    this.colour = colour;
    this.destroy = destroy;
    this.clock = clock;
    this.deadline = deadline;
  }

  /** Whether the {@code --timeout} deadline stopped the apply. */
  boolean timedOut() {
    return timedOut;
  }

  @Override
  public Scope planning() {
    return env.lastActions().exitOnSignal(LastActions.PLANNING_INTERRUPTED)::close;
  }

  @Override
  public void plan(Plan plan) {
    if (!json) {
      env.out().print(new TextPlanRenderer(Styles.of(colour)).render(PlanViews.of(plan)));
      env.out().flush();
    }
  }

  /**
   * Asks for {@code yes} on a terminal. In CI nobody can answer, so the run is refused with what to
   * do instead.
   */
  @Override
  public boolean approve() {
    if (env.ci()) {
      throw new CatalogException(
          "no terminal to ask for approval (CI): review the plan and run again with"
              + " --auto-approve, or apply a saved plan with \"catalog apply PLANFILE\"");
    }
    env.out()
        .print(
            "\nDo you want to perform these actions?\n"
                + "  Only 'yes' will be accepted to approve.\n\n  Enter a value: ");
    env.out().flush();
    String answer;
    try {
      answer = env.in().readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (answer == null || !answer.strip().equals("yes")) {
      env.err().println("Apply cancelled.");
      return false;
    }
    env.out().println();
    return true;
  }

  @Override
  public ApplyListener progress() {
    // After approval, before the first broker request: planning may have used up the deadline.
    deadline.checkBeforeApplying();
    if (json) {
      return new JsonProgressRenderer(env.out(), destroy);
    }
    env.out().println(); // the progress lines start under the plan, not glued to it
    boolean live = env.interactive() && !env.ci();
    return new TerminalProgressRenderer(
        env.out(), env.err(), live, colour, columns(), clock, destroy);
  }

  /**
   * Last actions on a second signal: the writes handed to the recorder finish before the lock
   * (registered earlier, so run later) is released.
   */
  @Override
  public Scope applying(
      StateRecorder recorder, CancellationToken cancellation, ApplyListener progress) {
    var flush = env.lastActions().add(recorder::current);
    var stop = env.lastActions().onFirstSignal(() -> stop(cancellation));
    var timer = deadline.start(() -> timeout(cancellation));
    var ticks = ProgressTicks.start(progress, clock);
    return () -> {
      ticks.close();
      timedOut = timer.fired();
      timer.close();
      stop.close();
      flush.close();
    };
  }

  /** As a first interrupt, with the deadline as the reason (issue 15 item 5). */
  private void timeout(CancellationToken cancellation) {
    env.err()
        .println(
            "\nTimeout: the --timeout "
                + deadline.shownLimit()
                + " deadline passed: no new operations will start. Waiting for the running"
                + " requests to be answered and recorded; operations in progress are left for the"
                + " next apply.");
    env.err().flush();
    cancellation.cancel();
  }

  private void stop(CancellationToken cancellation) {
    env.err()
        .println(
            "\nInterrupted: no new operations will start. Waiting for the running requests to"
                + " be answered and recorded; operations in progress are left for the next"
                + " apply. Interrupt again to exit at once.");
    env.err().flush();
    cancellation.cancel();
  }

  private int columns() {
    try {
      return Integer.parseInt(env.env().getOrDefault("COLUMNS", "100"));
    } catch (NumberFormatException e) {
      return 100;
    }
  }
}
