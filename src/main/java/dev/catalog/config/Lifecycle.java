package dev.catalog.config;

import java.util.List;

/**
 * Lifecycle rules of an instance or a binding.
 *
 * @param preventDestroy turn any plan to delete or replace the resource into an error; recorded in
 *     state, so it still holds once the YAML entry is gone (issue 15)
 * @param ignoreParameters JSON Pointers (RFC 6901) of parameters whose changes (in config or at the
 *     broker) do not cause an update; a plain key {@code tags} is read as {@code /tags}. Instances
 *     only: a binding's parameters cannot be updated.
 */
public record Lifecycle(boolean preventDestroy, List<String> ignoreParameters) {
  public Lifecycle {
    ignoreParameters = List.copyOf(ignoreParameters);
  }

  private static final Lifecycle DEFAULTS = new Lifecycle(false, List.of());

  /** No protection, nothing ignored: one shared value, as most resources take it (issue 7). */
  public static Lifecycle defaults() {
    return DEFAULTS;
  }
}
