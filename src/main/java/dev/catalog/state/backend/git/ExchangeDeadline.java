package dev.catalog.state.backend.git;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * The end of one fetch or push. Socket read timeouts only bound the wait for the next byte, so a
 * server sending a byte a second would hold catalog forever; reads through {@link #bound} fail
 * once the whole exchange has taken longer than the limit (issue 19).
 */
final class ExchangeDeadline {
  private final long endNanos;

  private ExchangeDeadline(long endNanos) {
    this.endNanos = endNanos;
  }

  static ExchangeDeadline after(Duration limit) {
    return new ExchangeDeadline(System.nanoTime() + limit.toNanos());
  }

  boolean passed() {
    return System.nanoTime() - endNanos >= 0;
  }

  /** The time left, at least one millisecond (0 means "no timeout" to the JDK). */
  int remainingMillis() {
    long left = (endNanos - System.nanoTime()) / 1_000_000;
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left));
  }

  /** {@code in}, failing the first read after the deadline. */
  InputStream bound(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        check();
        return super.read();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        check();
        return super.read(b, off, len);
      }
    };
  }

  private void check() throws InterruptedIOException {
    if (passed()) {
      throw new Exceeded();
    }
  }

  /**
   * The exchange ran past its deadline. A type of its own because a timed wait may end a
   * millisecond before {@link #passed} agrees ({@link #remainingMillis} rounds down).
   */
  static final class Exceeded extends InterruptedIOException {
    private static final long serialVersionUID = 1L;

    Exceeded() {
      super("the exchange took longer than its limit");
    }

    static boolean causes(Throwable e) {
      for (var cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof Exceeded) {
          return true;
        }
      }
      return false;
    }
  }
}
