package dev.catalog.osb;

import java.util.Optional;

/** The {@code state} of a {@code last_operation} response. */
public enum PolledState {
  IN_PROGRESS("in progress"),
  SUCCEEDED("succeeded"),
  FAILED("failed");

  private final String wire;

  PolledState(String wire) {
    this.wire = wire;
  }

  public String wireName() {
    return wire;
  }

  /** Whether polling stops here (checklist P-11). */
  public boolean isTerminal() {
    return this != IN_PROGRESS;
  }

  static Optional<PolledState> ofWire(String value) {
    for (var s : values()) {
      if (s.wire.equals(value)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
