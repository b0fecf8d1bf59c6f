package dev.catalog.state;

/** The two kinds of managed resource, with their address prefix. */
public enum ResourceKind {
  INSTANCE("instance"),
  BINDING("binding");

  private final String prefix;

  ResourceKind(String prefix) {
    this.prefix = prefix;
  }

  /** The address prefix: {@code instance} or {@code binding}. */
  public String prefix() {
    return prefix;
  }

  /** The kind with this prefix, or null. */
  static ResourceKind fromPrefix(String prefix) {
    for (var kind : values()) {
      if (kind.prefix.equals(prefix)) {
        return kind;
      }
    }
    return null;
  }
}
