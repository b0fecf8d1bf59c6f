package dev.catalog.apply;

import dev.catalog.CatalogException;
import dev.catalog.osb.BindRequest;
import dev.catalog.osb.BindingDetails;
import dev.catalog.osb.BrokerException;
import dev.catalog.osb.LastOperationQuery;
import dev.catalog.osb.Mitigation;
import dev.catalog.osb.NoContent;
import dev.catalog.osb.OfferingIds;
import dev.catalog.osb.OrphanMitigationTable;
import dev.catalog.osb.OsbResult;
import dev.catalog.osb.PollTarget;
import dev.catalog.plan.DesiredBinding;
import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import dev.catalog.state.OperationState;
import dev.catalog.state.OperationType;
import java.util.Optional;
import java.util.UUID;

/**
 * Bind and unbind of one binding, intent written before each request. Credentials go to the
 * binding's sink only; state keeps their fingerprint and where they went.
 */
final class BindingOperations {
  private final Operations ops;
  private final InstanceOperations instances;
  private final OrphanMitigations mitigations;

  BindingOperations(Operations ops, InstanceOperations instances, OrphanMitigations mitigations) {
    this.ops = ops;
    this.instances = instances;
    this.mitigations = mitigations;
  }

  /** Binds {@code desired} under a new id. */
  StepOutcome create(DesiredBinding desired, StepContext context) {
    var instance = instances.current(desired.instance().address().toString());
    var id = UUID.randomUUID().toString();
    var lineage = ops.state().lineage();
    var intent = Records.intent(OperationType.BIND, ops.now());
    ops.record(
        s -> s.with(Records.binding(desired, id, instance, lineage, Optional.empty(), intent)));
    return sendBind(desired, context);
  }

  /** Sends the bind recorded for {@code desired}, with the recorded id (idempotent on resume). */
  StepOutcome sendBind(DesiredBinding desired, StepContext context) {
    var address = desired.address();
    var recorded = current(address);
    var client = ops.client(recorded.broker());
    var request =
        BindRequest.of(recorded.service().id(), recorded.plan().id(), desired.context())
            .withAcceptsIncomplete(desired.acceptsIncomplete());
    if (!desired.parameters().isEmpty()) {
      request = request.withParameters(desired.parameters().reveal());
    }
    OsbResult<BindingDetails> result;
    try {
      result = client.bind(recorded.instanceId(), recorded.bindingId(), request);
    } catch (BrokerException e) {
      if (OrphanMitigationTable.decide(e) == Mitigation.BINDING) {
        throw mitigations.mitigate(current(address), address + ": " + e.getMessage());
      }
      ops.record(s -> s.without(address));
      throw new CatalogException(address + ": " + e.getMessage(), e);
    }
    return switch (result.kind()) {
      case COMPLETED -> {
        var done = (OsbResult.Completed<BindingDetails>) result;
        deliver(desired, done.value());
        yield StepOutcome.COMPLETED;
      }
      case ACCEPTED -> {
        var accepted = (OsbResult.Accepted<BindingDetails>) result;
        var op = Records.accepted(recorded.lastOperation().orElseThrow(), accepted.operation());
        // Read outside the change: it runs on the recorder's thread, which current() waits for.
        var before = current(address);
        ops.record(s -> s.with(Records.withOperation(before, op)));
        yield poll(desired, current(address), context);
      }
      case REFUSED -> {
        var refused = (OsbResult.Refused<BindingDetails>) result;
        ops.record(s -> s.without(address));
        throw new CatalogException(Operations.refused(address + ": bind", refused));
      }
      case GONE -> throw new CatalogException(address + ": bind answered 410 Gone");
    };
  }

  /** Unbinds the recorded binding; UB-04: on failure it (and its sink) stays and is retried. */
  StepOutcome delete(BindingState recorded, StepContext context) {
    var intent = Records.intent(OperationType.UNBIND, ops.now());
    ops.record(s -> s.with(Records.withOperation(recorded, intent)));
    return sendUnbind(recorded.address(), context);
  }

  StepOutcome sendUnbind(Address address, StepContext context) {
    var recorded = current(address);
    var op = recorded.lastOperation().orElseThrow();
    var client = ops.client(recorded.broker());
    var result = client.unbind(recorded.instanceId(), recorded.bindingId(), offering(recorded));
    return switch (result.kind()) {
      case COMPLETED -> unbound(recorded);
      case GONE -> unbound(recorded);
      case ACCEPTED -> {
        var accepted = (OsbResult.Accepted<NoContent>) result;
        var accepting = Records.accepted(op, accepted.operation());
        ops.record(s -> s.with(Records.withOperation(recorded, accepting)));
        yield poll(null, current(address), context);
      }
      case REFUSED -> {
        var refused = (OsbResult.Refused<NoContent>) result;
        ops.record(
            s ->
                s.with(
                    Records.withOperation(
                        recorded,
                        Records.ended(op, OperationState.FAILED, refused.description()))));
        throw new CatalogException(Operations.refused(address + ": unbind", refused));
      }
    };
  }

  /**
   * Polls the recorded bind or unbind; a finished bind is then read back with GET for its
   * credentials (P-26, B-15: a 202 never carries them).
   *
   * @param desired the declaration of a bind; null for an unbind
   */
  StepOutcome poll(DesiredBinding desired, BindingState recorded, StepContext context) {
    if (!ops.services().waitForOperations()) {
      return StepOutcome.IN_PROGRESS;
    }
    var op = recorded.lastOperation().orElseThrow();
    var operation = Operations.osbOperation(op.type());
    var client = ops.client(recorded.broker());
    var target =
        PollTarget.binding(
            operation,
            recorded.instanceId(),
            recorded.bindingId(),
            new LastOperationQuery(offering(recorded), op.operationToken()));
    var outcome = ops.await(client, target, op.started(), Optional.empty(), context);
    var address = recorded.address();
    return switch (InFlight.ending(op.type(), InFlight.answer(outcome))) {
      case READ_BACK -> {
        var details =
            client
                .fetchBinding(
                    recorded.instanceId(), recorded.bindingId(), Optional.of(offering(recorded)))
                .orElseThrow(
                    () ->
                        new CatalogException(
                            address + ": the broker finished the bind but has no such binding"));
        deliver(desired, details);
        yield StepOutcome.COMPLETED;
      }
      case FORGET -> unbound(recorded);
      case RUNNING -> StepOutcome.IN_PROGRESS;
      case SUCCEEDED, UNKNOWN ->
          // A bind's success is read back; the poller polls through a 410 that is not an unbind's.
          throw new IllegalStateException(
              address + ": " + outcome.kind() + " ends no " + op.type());
      case FAILED -> {
        var message = Operations.endedBadly(address, op.type(), outcome);
        var failed = Records.ended(op, OperationState.FAILED, Operations.description(outcome));
        ops.record(s -> s.with(Records.withOperation(recorded, failed)));
        if (op.type() == OperationType.BIND) {
          throw mitigations.mitigate(current(address), message); // P-25
        }
        throw new CatalogException(message);
      }
    };
  }

  /** Writes the credentials to the sink (issue 19: a failed delivery is recorded as such). */
  private void deliver(DesiredBinding desired, BindingDetails details) {
    new Deliveries(ops).deliver(desired, details);
  }

  /** UB-06: the delivered credentials are removed only after the unbind succeeded. */
  private StepOutcome unbound(BindingState recorded) {
    recorded
        .sink()
        .ifPresent(sink -> ops.services().sinks().forRecorded(sink).delete(recorded.address()));
    ops.record(s -> s.without(recorded.address()));
    return StepOutcome.COMPLETED;
  }

  BindingState current(Address address) {
    return (BindingState)
        ops.recorded(address)
            .orElseThrow(() -> new CatalogException(address + " is not recorded in state"));
  }

  static OfferingIds offering(BindingState recorded) {
    return new OfferingIds(recorded.service().id(), recorded.plan().id());
  }
}
