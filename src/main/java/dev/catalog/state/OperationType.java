package dev.catalog.state;

/** The OSB operation a resource last went through; wire names are lower case. */
public enum OperationType {
  PROVISION,
  UPDATE,
  DEPROVISION,
  BIND,
  UNBIND;

  /** The name written to state. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Parses a wire name, or returns null when unknown. */
  static OperationType fromWire(String wire) {
    for (var type : values()) {
      if (type.wireName().equals(wire)) {
        return type;
      }
    }
    return null;
  }
}
