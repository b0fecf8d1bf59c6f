package dev.catalog.apply;

import dev.catalog.plan.DesiredBinding;
import dev.catalog.plan.DesiredInstance;
import dev.catalog.sink.Delivery;
import dev.catalog.state.BindingState;
import dev.catalog.state.BindingTimes;
import dev.catalog.state.DeliveredSink;
import dev.catalog.state.Fingerprint;
import dev.catalog.state.InstanceState;
import dev.catalog.state.LastOperation;
import dev.catalog.state.OfferingRef;
import dev.catalog.state.OperationState;
import dev.catalog.state.OperationType;
import dev.catalog.state.OrphanMitigation;
import dev.catalog.state.SinkDescription;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Builds and copies the state records apply writes; keeps the long constructors in one place. */
final class Records {
  private Records() {}

  /** An operation about to be sent: in progress, no token yet (intent before effect). */
  static LastOperation intent(OperationType type, Instant now) {
    return new LastOperation(
        type, OperationState.IN_PROGRESS, Optional.empty(), now, Optional.empty());
  }

  static LastOperation accepted(LastOperation op, Optional<String> token) {
    return new LastOperation(op.type(), op.state(), token, op.started(), op.description());
  }

  static LastOperation ended(LastOperation op, OperationState state, Optional<String> description) {
    return new LastOperation(op.type(), state, op.operationToken(), op.started(), description);
  }

  static InstanceState instance(
      DesiredInstance desired, String id, String lineage, LastOperation operation) {
    return new InstanceState(
        desired.address(),
        id,
        desired.broker(),
        new OfferingRef(desired.service().id(), desired.service().name()),
        new OfferingRef(desired.plan().id(), desired.plan().name()),
        desired.parameters().recorded(Fingerprint.keyFor(lineage)),
        desired.context(),
        desired.maintenanceInfoVersion(),
        Optional.empty(),
        Optional.of(operation),
        List.of(),
        Optional.empty(), // from the configuration: not imported (Operational)
        desired.config().lifecycle().preventDestroy());
  }

  static InstanceState withDashboard(InstanceState s, Optional<String> dashboardUrl) {
    return s.withDashboardUrl(dashboardUrl.or(s::dashboardUrl));
  }

  static InstanceState withPending(InstanceState s, List<OrphanMitigation> pending) {
    return s.withPendingOrphanMitigation(pending);
  }

  static BindingState binding(
      DesiredBinding desired,
      String id,
      InstanceState instance,
      String lineage,
      Optional<SinkDescription> sink,
      LastOperation operation) {
    return new BindingState(
        desired.address(),
        id,
        instance.address(),
        instance.instanceId(),
        instance.broker(),
        instance.service(),
        instance.plan(),
        desired.parameters().recorded(Fingerprint.keyFor(lineage)),
        desired.context(),
        Optional.empty(),
        sink,
        Optional.of(operation),
        List.of(),
        Optional.empty(), // from the configuration: not imported (Operational)
        Optional.empty(),
        BindingTimes.NONE,
        desired.config().lifecycle().preventDestroy());
  }

  static BindingState withOperation(BindingState s, LastOperation operation) {
    return s.withLastOperation(operation);
  }

  static BindingState withPending(BindingState s, List<OrphanMitigation> pending) {
    return s.withPendingOrphanMitigation(pending);
  }

  /** {@code s} after a delivery: the credentials' fingerprint, the sink and its digests. */
  static BindingState delivered(BindingState s, Delivery delivery, LastOperation operation) {
    return redelivered(s, delivery).withLastOperation(operation);
  }

  /** {@code s} after its credentials were delivered to another sink; its operation is kept. */
  static BindingState redelivered(BindingState s, Delivery delivery) {
    return s.withDelivery(delivery.fingerprint(), delivery.sink(), delivery.delivered());
  }
}
