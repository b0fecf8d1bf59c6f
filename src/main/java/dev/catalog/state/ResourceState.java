package dev.catalog.state;

import java.util.List;
import java.util.Optional;

/** What state records of one managed resource: a service instance or a binding. */
public sealed interface ResourceState permits InstanceState, BindingState {
  /** The resource's address. */
  Address address();

  /** The OSB id catalog chose (instance_id or binding_id). */
  String osbId();

  /** The name of the broker it lives at. */
  String broker();

  /** The last operation, if one was started. */
  Optional<LastOperation> lastOperation();

  /** Orphan-mitigation requests still to be sent. */
  List<OrphanMitigation> pendingOrphanMitigation();

  /** A copy at another address (for {@code catalog state mv}). */
  ResourceState withAddress(Address address);

  /** Whether {@code lifecycle.preventDestroy} was set when it was last applied (issue 15). */
  boolean preventDestroy();

  /** A copy with {@code preventDestroy} recorded as given: a state-only change. */
  ResourceState withPreventDestroy(boolean preventDestroy);

  /** Whether an operation was started and has not finished. */
  default boolean inFlight() {
    return lastOperation().map(LastOperation::inFlight).orElse(false);
  }
}
