package dev.catalog.plan;

import dev.catalog.CatalogException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Resolution running on a thread of its own while the refresh reads wait on the brokers. Its
 * outcome, a resolution or the exception it threw (a bad parameter, an unknown plan), is given
 * back unchanged by {@link #join()}, so the plan fails exactly as if it had resolved in line.
 */
final class ConcurrentResolution {
  private final FutureTask<Resolution> task;

  private ConcurrentResolution(FutureTask<Resolution> task) {
    this.task = task;
  }

  static ConcurrentResolution start(Supplier<Resolution> resolve) {
    var task = new FutureTask<>(resolve::get);
    var thread = new Thread(task, "catalog-resolve");
    thread.setDaemon(true);
    thread.start();
    return new ConcurrentResolution(task);
  }

  /** Waits for the resolution; rethrows what resolving threw. */
  Resolution join() {
    try {
      return task.get();
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      throw new CatalogException("interrupted while resolving the configuration");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
