package dev.catalog.plan;

import dev.catalog.state.Address;
import java.util.Objects;

/**
 * A change apply makes to state alone, with no broker request: today, recording a resource's
 * {@code lifecycle.preventDestroy} as the YAML now sets it (issue 15). Shown in every plan format
 * and counted as work, so a plan never says "No changes" while apply would write state.
 *
 * @param address the resource
 * @param kind what is recorded
 */
public record StateOnlyChange(Address address, Kind kind) {
  public StateOnlyChange {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(kind, "kind");
  }

  /** What a state-only change records; the wire name is its JSON {@code kind}. */
  public enum Kind {
    PROTECT("protect", "record lifecycle.preventDestroy: true (no broker request)"),
    UNPROTECT(
        "unprotect",
        "record lifecycle.preventDestroy: false (no broker request); a later change may destroy it");

    private final String wireName;
    private final String description;

    Kind(String wireName, String description) {
      this.wireName = wireName;
      this.description = description;
    }

    public String wireName() {
      return wireName;
    }

    /** One line for people. */
    public String description() {
      return description;
    }

    /** The kind that records {@code preventDestroy}. */
    public static Kind recording(boolean preventDestroy) {
      return preventDestroy ? PROTECT : UNPROTECT;
    }
  }

  /** Whether this change leaves the resource protected. */
  public boolean preventDestroy() {
    return kind == Kind.PROTECT;
  }
}
