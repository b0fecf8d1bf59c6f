package dev.catalog.state;

import java.time.Instant;
import java.util.Objects;

/**
 * How a resource came into state through {@code catalog import} rather than being created by
 * catalog (docs/import.md). Kept until catalog itself next records what it sent (an update or a
 * re-create), since until then state holds values catalog neither sent nor, when unverified, read.
 *
 * @param at when it was imported
 * @param verified true when its service, plan and parameters (and a binding's credentials) were
 *     read back from the broker; false when the broker does not allow that ({@code
 *     instances_retrievable} / {@code bindings_retrievable} false) and the configuration's values
 *     were recorded unverified
 */
public record Imported(Instant at, boolean verified) {
  public Imported {
    Objects.requireNonNull(at, "at");
  }
}
