package dev.catalog.apply;

import dev.catalog.CatalogException;
import dev.catalog.osb.InstanceResponse;
import dev.catalog.osb.LastOperationQuery;
import dev.catalog.osb.NoContent;
import dev.catalog.osb.OfferingIds;
import dev.catalog.osb.OsbResult;
import dev.catalog.osb.PollOutcome;
import dev.catalog.osb.PollTarget;
import dev.catalog.plan.DesiredInstance;
import dev.catalog.plan.InstanceUpdate;
import dev.catalog.state.Address;
import dev.catalog.state.InstanceState;
import dev.catalog.state.LastOperation;
import dev.catalog.state.OperationState;
import dev.catalog.state.OperationType;
import java.time.Duration;
import java.util.Optional;

/**
 * Update and deprovision of one instance, and the polling of every instance operation, each written
 * to state before it is sent and its outcome written before anything else starts (issue 6: intent
 * before effect). Provisioning is {@link InstanceProvisioning}'s.
 */
final class InstanceOperations {
  private final Operations ops;
  private final OrphanMitigations mitigations;

  InstanceOperations(Operations ops, OrphanMitigations mitigations) {
    this.ops = ops;
    this.mitigations = mitigations;
  }

  /** Sends the planned PATCH (U-18: failures never orphan-mitigate an update). */
  StepOutcome update(DesiredInstance desired, InstanceUpdate update, StepContext context) {
    var address = desired.address().toString();
    var before = current(address);
    var intent = Records.intent(OperationType.UPDATE, ops.now());
    ops.record(s -> s.with(before.withLastOperation(intent)));
    var client = ops.client(before.broker());
    var result = client.update(before.instanceId(), update.toRequest());
    var lineage = ops.state().lineage();
    var updated = Records.instance(desired, before.instanceId(), lineage, intent);
    return switch (result.kind()) {
      case COMPLETED -> {
        var done = (OsbResult.Completed<InstanceResponse>) result;
        var finished = Records.ended(intent, OperationState.SUCCEEDED, Optional.empty());
        ops.record(
            s ->
                s.with(
                    Records.withDashboard(
                        updated.withLastOperation(finished),
                        done.value().dashboardUrl().or(before::dashboardUrl))));
        yield StepOutcome.COMPLETED;
      }
      case ACCEPTED -> {
        var accepted = (OsbResult.Accepted<InstanceResponse>) result;
        var op = Records.accepted(intent, accepted.operation());
        // Recorded as desired now: the PATCH is idempotent, so resuming it re-polls the token.
        ops.record(
            s ->
                s.with(
                    Records.withDashboard(updated.withLastOperation(op), before.dashboardUrl())));
        yield poll(current(address), op, desired.plan().maximumPollingDuration(), context);
      }
      case REFUSED -> {
        var refused = (OsbResult.Refused<InstanceResponse>) result;
        ops.record(
            s ->
                s.with(
                    before.withLastOperation(
                        Records.ended(intent, OperationState.FAILED, refused.description()))));
        throw new CatalogException(Operations.refused(address + ": update", refused));
      }
      case GONE -> throw new CatalogException(address + ": update answered 410 Gone");
    };
  }

  /** Deprovisions the recorded instance; D-07: on failure it stays in state and is retried. */
  StepOutcome delete(InstanceState recorded, StepContext context) {
    var intent = Records.intent(OperationType.DEPROVISION, ops.now());
    ops.record(s -> s.with(recorded.withLastOperation(intent)));
    return sendDeprovision(recorded.address().toString(), context);
  }

  StepOutcome sendDeprovision(String address, StepContext context) {
    var recorded = current(address);
    var op = recorded.lastOperation().orElseThrow();
    var client = ops.client(recorded.broker());
    var result = client.deprovision(recorded.instanceId(), offering(recorded));
    return switch (result.kind()) {
      case COMPLETED -> gone(recorded);
      case GONE -> gone(recorded);
      case ACCEPTED -> {
        var accepted = (OsbResult.Accepted<NoContent>) result;
        var accepting = Records.accepted(op, accepted.operation());
        ops.record(s -> s.with(recorded.withLastOperation(accepting)));
        yield poll(current(address), accepting, Optional.empty(), context);
      }
      case REFUSED -> {
        var refused = (OsbResult.Refused<NoContent>) result;
        ops.record(
            s ->
                s.with(
                    recorded.withLastOperation(
                        Records.ended(op, OperationState.FAILED, refused.description()))));
        throw new CatalogException(Operations.refused(address + ": deprovision", refused));
      }
    };
  }

  /** Polls the recorded operation of {@code recorded} to its end and records the end. */
  StepOutcome poll(
      InstanceState recorded,
      LastOperation op,
      Optional<Duration> planMaximum,
      StepContext context) {
    if (!ops.services().waitForOperations()) {
      return StepOutcome.IN_PROGRESS;
    }
    var operation = Operations.osbOperation(op.type());
    var client = ops.client(recorded.broker());
    var target =
        PollTarget.instance(
            operation,
            recorded.instanceId(),
            new LastOperationQuery(offering(recorded), op.operationToken()));
    var address = recorded.address().toString();
    var outcome = ops.await(client, target, op.started(), planMaximum, context);
    return switch (InFlight.ending(op.type(), InFlight.answer(outcome))) {
      case SUCCEEDED -> {
        var ok = (PollOutcome.Succeeded) outcome;
        finish(address, OperationState.SUCCEEDED, ok.description(), Optional.empty());
        yield StepOutcome.COMPLETED;
      }
      case FORGET -> gone(recorded);
      case RUNNING -> StepOutcome.IN_PROGRESS;
      case READ_BACK, UNKNOWN ->
          // The poller keeps polling through a 410 that is not a delete's (P-17, P-19).
          throw new IllegalStateException(
              address + ": " + outcome.kind() + " ends no " + op.type());
      case FAILED -> {
        var message = Operations.endedBadly(address, op.type(), outcome);
        finish(address, OperationState.FAILED, Operations.description(outcome), Optional.empty());
        // P-25, P-23: a provision that failed or ran out of time is orphan-mitigated.
        if (op.type() == OperationType.PROVISION) {
          throw mitigations.mitigate(current(address), message);
        }
        throw new CatalogException(message);
      }
    };
  }

  private StepOutcome gone(InstanceState recorded) {
    ops.record(s -> s.without(recorded.address()));
    return StepOutcome.COMPLETED;
  }

  LastOperation accept(String address, Optional<String> token, Optional<String> dashboardUrl) {
    var recorded = current(address);
    var op = Records.accepted(recorded.lastOperation().orElseThrow(), token);
    ops.record(s -> s.with(Records.withDashboard(recorded.withLastOperation(op), dashboardUrl)));
    return op;
  }

  void finish(
      String address,
      OperationState state,
      Optional<String> description,
      Optional<String> dashboardUrl) {
    var recorded = current(address);
    var op = Records.ended(recorded.lastOperation().orElseThrow(), state, description);
    ops.record(s -> s.with(Records.withDashboard(recorded.withLastOperation(op), dashboardUrl)));
  }

  InstanceState current(String address) {
    return (InstanceState)
        ops.recorded(Address.parse(address))
            .orElseThrow(() -> new CatalogException(address + " is not recorded in state"));
  }

  static OfferingIds offering(InstanceState recorded) {
    return new OfferingIds(recorded.service().id(), recorded.plan().id());
  }
}
