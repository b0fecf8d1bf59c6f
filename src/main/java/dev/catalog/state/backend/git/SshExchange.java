package dev.catalog.state.backend.git;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Runs one SSH fetch or push on its own thread and stops waiting at the exchange's deadline. A
 * server that accepts and never sends its greeting holds JGit in Apache MINA's authentication wait
 * (two minutes, whatever the transport's timeout), and a socket read cannot be interrupted: the
 * caller reports the timeout and the abandoned daemon thread ends when MINA gives up.
 */
final class SshExchange {
  /** One exchange, as JGit code that may throw {@link IOException}. */
  interface Call<T> {
    T run() throws IOException;
  }

  private SshExchange() {}

  static <T> T within(ExchangeDeadline deadline, Call<T> call) throws IOException {
    var result = new CompletableFuture<T>();
    var worker =
        new Thread(
            () -> {
              try {
                result.complete(call.run());
              } catch (Throwable e) {
                result.completeExceptionally(e);
              }
            },
            "catalog-git-ssh");
    worker.setDaemon(true);
    worker.start();
    try {
      return result.get(deadline.remainingMillis(), MILLISECONDS);
    } catch (TimeoutException e) {
      throw new ExchangeDeadline.Exceeded();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    } catch (ExecutionException e) {
      var cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IOException(cause);
    }
  }
}
