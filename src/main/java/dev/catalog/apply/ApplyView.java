package dev.catalog.apply;

import dev.catalog.plan.Plan;

/**
 * What an {@link ApplyOperation} shows and asks, in the order it does (issue 12: Terraform's
 * views). The command implements it with its renderers, its terminal and its signal handling; the
 * operation itself never prints, reads input or handles a signal.
 */
public interface ApplyView {
  /** Something a view holds open for a while (signal handlers, a ticking timer); closes quietly. */
  interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /** Held open while the plan is made (an interrupt then ends the run at once). */
  Scope planning();

  /** Shows the plan about to be applied (or that there is nothing to do). */
  void plan(Plan plan);

  /**
   * Asks whether to apply the plan shown.
   *
   * @return false when the answer is no; nothing has been sent
   */
  boolean approve();

  /** The listener of the apply's progress; asked for once, after approval. */
  ApplyListener progress();

  /**
   * Held open while the plan is carried out: a first interrupt asks {@code cancellation} to stop
   * starting steps, and on exit {@code recorder}'s writes finish before the lock is released.
   */
  Scope applying(StateRecorder recorder, CancellationToken cancellation, ApplyListener progress);
}
