package dev.catalog.apply;

import dev.catalog.Sleeper;
import dev.catalog.plan.GraphNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Walks steps in dependency order with at most {@code parallelism} running at once, after
 * Terraform's {@code dag.Walker}: a step starts when everything it waits for has succeeded; when
 * one of those failed, was skipped or is left in progress, the step is skipped and says why (one
 * {@link SkipReason}, one {@link ApplyEvent.Skipped} per skipped step) instead of failing on its
 * own. Independent branches carry on after a failure. The create half of a replace whose destroy
 * half did not succeed ends as that half did, without an event of its own: a replace is one
 * operation to the user, reported once.
 *
 * <p>The decisions (what is ready, what is skipped) are all made on the calling thread; workers
 * only run steps and hand their outcome back through a queue, so the walk needs no locks.
 */
public final class GraphWalker {
  /** The default of {@code --parallelism}. */
  public static final int DEFAULT_PARALLELISM = 10;

  private final int parallelism;
  private final Clock clock;

  public GraphWalker(int parallelism, Clock clock) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1");
    }
    this.parallelism = parallelism;
    this.clock = clock;
  }

  /**
   * Runs every step that can run and returns how each ended. Returns after the last running step
   * has finished, also when {@code cancellation} is set, so every started operation is recorded.
   */
  public ApplyResult walk(
      List<Step> steps,
      Direction direction,
      StepRunner runner,
      ApplyListener listener,
      CancellationToken cancellation) {
    var graph = new StepGraph(steps, direction);
    var events = new SerialListener(listener);
    var threads = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            parallelism,
            task -> {
              var thread = new Thread(task, "catalog-apply-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try {
      var walk = new Walk(graph, runner, events, cancellation, pool);
      var result = walk.run();
      events.finish(result);
      return result;
    } finally {
      pool.shutdown();
    }
  }

  /** The state of one walk; used by the calling thread only. */
  private final class Walk {
    private final StepGraph graph;
    private final StepRunner runner;
    private final SerialListener events;
    private final CancellationToken cancellation;
    private final ExecutorService pool;
    private final List<Step> waiting;
    private final Map<GraphNode, StepResult> ended = new HashMap<>();
    private final BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
    private int running;
    private boolean interrupted;

    Walk(
        StepGraph graph,
        StepRunner runner,
        SerialListener events,
        CancellationToken cancellation,
        ExecutorService pool) {
      this.graph = graph;
      this.runner = runner;
      this.events = events;
      this.cancellation = cancellation;
      this.pool = pool;
      this.waiting = new ArrayList<>(graph.steps());
    }

    ApplyResult run() {
      while (true) {
        startOrSkipReady();
        if (running == 0) {
          break;
        }
        record(nextFinished());
      }
      var results = graph.steps().stream().map(s -> ended.get(s.node())).toList();
      return new ApplyResult(results, interrupted);
    }

    /** Starts or skips every waiting step whose prerequisites have all ended, in given order. */
    private void startOrSkipReady() {
      boolean changed = true;
      while (changed) {
        changed = false;
        for (var it = waiting.iterator(); it.hasNext(); ) {
          Step step = it.next();
          if (!ended.keySet().containsAll(graph.prerequisites(step.node()))) {
            continue;
          }
          Optional<StepResult> destroyHalf = unfinishedDestroyHalf(step);
          Optional<SkipReason> blocked = blockedBecause(step);
          if (destroyHalf.isPresent()) {
            // The two halves of a replace are one operation to the user: the create half ends as
            // its destroy half did, which was reported already.
            var half = destroyHalf.get();
            ended.put(step.node(), new StepResult(step, half.status(), half.detail()));
            changed = true;
          } else if (blocked.isPresent()) {
            skip(step, blocked.get());
            // A skip ends a step, which may decide steps earlier in the list: scan again.
            changed = true;
          } else if (cancellation.isCancelled()) {
            interrupted = true;
            skip(step, SkipReason.interrupted());
            changed = true;
          } else if (running < parallelism) {
            start(step);
          } else {
            continue;
          }
          it.remove();
        }
      }
    }

    /**
     * The end of this step's own first half (a replace: its destroy half, or its create half when
     * it creates before it destroys), if that did not succeed.
     */
    private Optional<StepResult> unfinishedDestroyHalf(Step step) {
      return graph.prerequisites(step.node()).stream()
          .filter(p -> p.kind() != GraphNode.Kind.BROKER && p.address().equals(step.address()))
          .map(ended::get)
          .filter(r -> r.status() != StepStatus.SUCCEEDED)
          .findFirst();
    }

    /** The skip rule: the first prerequisite, in node order, that did not succeed. */
    private Optional<SkipReason> blockedBecause(Step step) {
      for (GraphNode prerequisite : graph.prerequisites(step.node())) {
        StepStatus status = ended.get(prerequisite).status();
        if (status != StepStatus.SUCCEEDED) {
          return Optional.of(SkipReason.blockedBy(prerequisite, status));
        }
      }
      return Optional.empty();
    }

    private void skip(Step step, SkipReason reason) {
      ended.put(step.node(), new StepResult(step, StepStatus.SKIPPED, reason.text()));
      events.send(new ApplyEvent.Skipped(step, clock.instant(), reason));
    }

    private void start(Step step) {
      Instant started = clock.instant();
      running++;
      events.send(new ApplyEvent.Started(step, started));
      var context = new RunningStep(step, started, events, cancellation);
      pool.execute(() -> finished.add(runOne(step, context, started)));
    }

    private Finished runOne(Step step, RunningStep context, Instant started) {
      try {
        var outcome = Objects.requireNonNull(runner.run(step, context), "runner returned null");
        return new Finished(step, started, outcome, null);
      } catch (Throwable e) {
        return new Finished(step, started, null, Failures.message(step, e));
      }
    }

    /** Waits for a running step; an interrupt of the walking thread cancels the walk. */
    private Finished nextFinished() {
      while (true) {
        try {
          Finished next = finished.take();
          // An interrupt that races with the wake-up leaves take() returning with the flag set.
          if (Thread.interrupted()) {
            cancellation.cancel();
          }
          return next;
        } catch (InterruptedException e) {
          cancellation.cancel();
        }
      }
    }

    private void record(Finished done) {
      running--;
      Instant now = clock.instant();
      Duration elapsed = Duration.between(done.started(), now);
      Step step = done.step();
      if (done.failure() != null) {
        ended.put(step.node(), new StepResult(step, StepStatus.FAILED, done.failure()));
        events.send(new ApplyEvent.Failed(step, now, elapsed, done.failure()));
      } else if (done.outcome() == StepOutcome.IN_PROGRESS) {
        // Left in flight because of the interrupt (not --no-wait): the walk did not finish.
        interrupted |= cancellation.isCancelled();
        ended.put(step.node(), new StepResult(step, StepStatus.IN_PROGRESS, ""));
        events.send(new ApplyEvent.LeftInProgress(step, now, elapsed));
      } else {
        ended.put(step.node(), new StepResult(step, StepStatus.SUCCEEDED, ""));
        events.send(new ApplyEvent.Completed(step, now, elapsed));
      }
    }
  }

  /** The context handed to a runner: forwards polls as events and exposes cancellation. */
  private final class RunningStep implements StepContext {
    private final Step step;
    private final Instant started;
    private final SerialListener events;
    private final CancellationToken cancellation;

    RunningStep(Step step, Instant started, SerialListener events, CancellationToken cancellation) {
      this.step = step;
      this.started = started;
      this.events = events;
      this.cancellation = cancellation;
    }

    @Override
    public void polling(String description) {
      Instant now = clock.instant();
      events.send(
          new ApplyEvent.Polling(
              step, now, Duration.between(started, now), description == null ? "" : description));
    }

    @Override
    public boolean cancelled() {
      return cancellation.isCancelled();
    }

    @Override
    public void pause(Duration duration, Sleeper sleeper) throws InterruptedException {
      cancellation.sleep(duration, sleeper);
    }
  }

  /** A step's end as a worker reports it: an outcome, or a failure message. */
  private record Finished(Step step, Instant started, StepOutcome outcome, String failure) {}
}
