package dev.catalog.apply;

/**
 * Does the broker work of one step (and records it through the {@link StateRecorder}). Called on a
 * worker thread, at most {@code parallelism} at once.
 */
@FunctionalInterface
public interface StepRunner {
  /**
   * Runs {@code step}; a thrown exception marks it failed with the exception's message, which is
   * shown to the user (a {@link dev.catalog.CatalogException} message is shown as it is).
   */
  StepOutcome run(Step step, StepContext context) throws Exception;
}
