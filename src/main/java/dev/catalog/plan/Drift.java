package dev.catalog.plan;

import dev.catalog.state.Address;
import java.util.List;
import java.util.Objects;

/**
 * A recorded resource that changed at its broker behind catalog's back ("changed outside of
 * catalog"): shown apart from configuration changes and planned back to the desired state.
 *
 * @param address the resource
 * @param kind gone, or changed
 * @param fields recorded value (before) against the broker's (after); empty when gone
 */
public record Drift(Address address, Kind kind, List<FieldChange> fields) {
  /** How it drifted. */
  public enum Kind {
    /** The broker no longer has it. */
    GONE,
    /** Plan, parameters or maintenance_info differ at the broker. */
    CHANGED,
    /** The Secret or file the credentials were delivered to is gone (issue 13). */
    SINK_MISSING,
    /** The Secret there is no longer marked as this binding's. */
    SINK_NOT_OWNED,
    /** The sink's content is not what was delivered (its keyed fingerprint differs). */
    SINK_CHANGED;

    /** Whether this is drift of a credentials sink rather than of the resource at its broker. */
    public boolean ofSink() {
      return this == SINK_MISSING || this == SINK_NOT_OWNED || this == SINK_CHANGED;
    }

    /** The JSON name: {@code missing}, {@code not_owned}, {@code changed}, {@code gone}. */
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT).replaceFirst("^sink_", "");
    }
  }

  public Drift {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(kind, "kind");
    fields = List.copyOf(fields);
  }
}
