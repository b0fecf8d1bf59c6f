package dev.catalog.state;

import java.util.Objects;
import java.util.Optional;

/**
 * A state as read from a backend, with the version token a compare-and-swap write must name.
 *
 * @param state the decoded state (an empty serial-0 state when none exists yet)
 * @param version the backend's version token; empty when no state exists yet
 */
public record Snapshot(State state, Optional<String> version) {
  public Snapshot {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(version, "version");
  }

  /** Whether a state was stored at all. */
  public boolean exists() {
    return version.isPresent();
  }
}
