package dev.catalog.osb;

/** What orphan mitigation the spec says SHOULD follow a response. */
public enum Mitigation {
  NONE,
  /** Deprovision the instance (repeat the DELETE for a failed deprovision). */
  INSTANCE,
  /** Unbind the binding (repeat the DELETE for a failed unbind). */
  BINDING
}
