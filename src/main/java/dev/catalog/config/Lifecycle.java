package dev.catalog.config;

import java.util.List;

/**
 * Lifecycle rules of an instance.
 *
 * @param preventDestroy turn any plan to delete or replace the instance into an error
 * @param ignoreParameters top-level parameter keys whose changes (in config or at the broker) do
 *     not cause an update
 */
public record Lifecycle(boolean preventDestroy, List<String> ignoreParameters) {
  public Lifecycle {
    ignoreParameters = List.copyOf(ignoreParameters);
  }

  private static final Lifecycle DEFAULTS = new Lifecycle(false, List.of());

  /** No protection, nothing ignored: one shared value, as most instances take it (issue 7). */
  public static Lifecycle defaults() {
    return DEFAULTS;
  }
}
