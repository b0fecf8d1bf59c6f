package dev.catalog.state;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The operational part of a resource's record, which changes while catalog works on it, apart from
 * its identity and the values it was created with (issue 12): the last operation, the orphan
 * mitigations still to send, and the {@code imported} marker.
 *
 * <p>The one rule for {@code imported} (docs/state.md): every change of the operational part and
 * every rename keeps it; only a record catalog writes from the configuration (a create, a
 * re-create, an update it sends) starts without it, since from then on state holds catalog's own
 * values.
 *
 * @param lastOperation the last operation, if one was started
 * @param pendingOrphanMitigation clean-ups still to be sent
 * @param imported set when {@code catalog import} adopted the resource
 */
public record Operational(
    Optional<LastOperation> lastOperation,
    List<OrphanMitigation> pendingOrphanMitigation,
    Optional<Imported> imported) {
  public Operational {
    Objects.requireNonNull(lastOperation, "lastOperation");
    pendingOrphanMitigation = List.copyOf(pendingOrphanMitigation);
    Objects.requireNonNull(imported, "imported");
  }

  /** A record catalog writes from the configuration: {@code operation} started, not imported. */
  public static Operational started(LastOperation operation) {
    return new Operational(Optional.of(operation), List.of(), Optional.empty());
  }

  /** The same with another last operation; {@code imported} is kept. */
  public Operational withLastOperation(LastOperation operation) {
    return new Operational(Optional.of(operation), pendingOrphanMitigation, imported);
  }

  /** The same with other pending orphan mitigations; {@code imported} is kept. */
  public Operational withPendingOrphanMitigation(List<OrphanMitigation> pending) {
    return new Operational(lastOperation, pending, imported);
  }
}
