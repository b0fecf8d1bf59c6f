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
    CHANGED
  }

  public Drift {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(kind, "kind");
    fields = List.copyOf(fields);
  }
}
