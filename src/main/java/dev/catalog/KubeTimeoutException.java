package dev.catalog;

import java.io.IOException;

/**
 * A Kubernetes exchange that did not end within its limit. It travels as the cause of fabric8's
 * exception; the backend and the sinks find it in the cause chain and print its message.
 */
public final class KubeTimeoutException extends IOException {
  KubeTimeoutException(String message) {
    super(message);
  }

  /** The timeout in {@code e}'s cause chain, if any. */
  public static java.util.Optional<KubeTimeoutException> in(Throwable e) {
    for (var cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof KubeTimeoutException timeout) {
        return java.util.Optional.of(timeout);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return java.util.Optional.empty();
  }
}
