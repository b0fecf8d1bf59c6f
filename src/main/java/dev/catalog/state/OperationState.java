package dev.catalog.state;

/** The state of an operation, with the wire names of the OSB {@code last_operation} endpoint. */
public enum OperationState {
  IN_PROGRESS("in progress"),
  SUCCEEDED("succeeded"),
  FAILED("failed");

  private final String wireName;

  OperationState(String wireName) {
    this.wireName = wireName;
  }

  /** The OSB wire name. */
  public String wireName() {
    return wireName;
  }

  /** Parses a wire name, or returns null when unknown. */
  static OperationState fromWire(String wire) {
    for (var state : values()) {
      if (state.wireName.equals(wire)) {
        return state;
      }
    }
    return null;
  }
}
