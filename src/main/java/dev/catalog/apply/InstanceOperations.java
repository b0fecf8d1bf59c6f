package dev.catalog.apply;

import dev.catalog.CatalogException;
import dev.catalog.osb.BrokerException;
import dev.catalog.osb.LastOperationQuery;
import dev.catalog.osb.Mitigation;
import dev.catalog.osb.OrphanMitigation;
import dev.catalog.osb.OsbOperation;
import dev.catalog.osb.OsbResult;
import dev.catalog.osb.PollOutcome;
import dev.catalog.osb.PollTarget;
import dev.catalog.osb.ProvisionRequest;
import dev.catalog.plan.DesiredInstance;
import dev.catalog.plan.InstanceUpdate;
import dev.catalog.state.InstanceState;
import dev.catalog.state.LastOperation;
import dev.catalog.state.OperationState;
import dev.catalog.state.OperationType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Provision, update and deprovision of one instance, each written to state before it is sent and
 * its outcome written before anything else starts (issue 6: intent before effect).
 */
final class InstanceOperations {
  // PR-04: required, deprecated; catalog has no organisations or spaces.
  private static final String GUID = "catalog";
  private final Operations ops;

  InstanceOperations(Operations ops) {
    this.ops = ops;
  }

  /** Provisions {@code desired} under a new id (PR-02: ids are never reused). */
  StepOutcome create(DesiredInstance desired, StepContext context) {
    var id = UUID.randomUUID().toString();
    var lineage = ops.state().lineage();
    var intent = Records.intent(OperationType.PROVISION, ops.now());
    ops.record(s -> s.with(Records.instance(desired, id, lineage, intent)));
    return sendProvision(desired, id, context);
  }

  /**
   * Sends the provision recorded for {@code desired}: the same id, so a repeat after a crash is the
   * idempotent PUT of the same resource, never a second one.
   */
  StepOutcome sendProvision(DesiredInstance desired, String id, StepContext context) {
    var client = ops.client(desired.broker());
    var params = desired.parameters();
    var request =
        new ProvisionRequest(
            desired.service().id(),
            desired.plan().id(),
            desired.context(),
            GUID,
            GUID,
            params.isEmpty() ? Optional.empty() : Optional.of(params.reveal()),
            desired.maintenanceInfoVersion());
    OsbResult<dev.catalog.osb.InstanceResponse> result;
    try {
      result = client.provision(id, request);
    } catch (BrokerException e) {
      throw mitigateAfter(desired.address().toString(), e);
    }
    return switch (result.kind()) {
      case COMPLETED -> {
        var done = (OsbResult.Completed<dev.catalog.osb.InstanceResponse>) result;
        finish(desired.address().toString(), OperationState.SUCCEEDED, Optional.empty(),
            done.value().dashboardUrl());
        yield StepOutcome.COMPLETED;
      }
      case ACCEPTED -> {
        var accepted = (OsbResult.Accepted<dev.catalog.osb.InstanceResponse>) result;
        var op = accept(desired.address().toString(), accepted.operation(), accepted.dashboardUrl());
        yield poll(current(desired.address().toString()), op, desired.plan().maximumPollingDuration(),
            context);
      }
      case REFUSED -> {
        var refused = (OsbResult.Refused<dev.catalog.osb.InstanceResponse>) result;
        // E-05: a 4xx changed nothing at the broker, so nothing is recorded either.
        ops.record(s -> s.without(desired.address()));
        throw new CatalogException(
            Operations.refused(desired.address() + ": provision", refused));
      }
      case GONE ->
          throw new CatalogException(desired.address() + ": provision answered 410 Gone");
    };
  }

  /**
   * Resumes a provision recorded as about to be sent, with no operation token: the PUT may or may
   * not have reached the broker. The broker's last_operation says whether it did (P-28: re-poll
   * rather than re-issue); when it knows nothing of the instance, the same PUT is sent again.
   */
  StepOutcome resumeProvision(DesiredInstance desired, InstanceState recorded, StepContext context) {
    var client = ops.client(recorded.broker());
    try {
      var known =
          client.lastInstanceOperation(
              recorded.instanceId(), new LastOperationQuery(offering(recorded), Optional.empty()));
      if (known.kind() == OsbResult.Kind.COMPLETED) {
        return poll(
            recorded,
            recorded.lastOperation().orElseThrow(),
            desired.plan().maximumPollingDuration(),
            context);
      }
    } catch (BrokerException e) {
      // Unknown to the broker (404), or it cannot say: the idempotent PUT decides.
    }
    return sendProvision(desired, recorded.instanceId(), context);
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
        var done = (OsbResult.Completed<dev.catalog.osb.InstanceResponse>) result;
        var finished = Records.ended(intent, OperationState.SUCCEEDED, Optional.empty());
        ops.record(s -> s.with(Records.withDashboard(updated.withLastOperation(finished),
            done.value().dashboardUrl().or(before::dashboardUrl))));
        yield StepOutcome.COMPLETED;
      }
      case ACCEPTED -> {
        var accepted = (OsbResult.Accepted<dev.catalog.osb.InstanceResponse>) result;
        var op = Records.accepted(intent, accepted.operation());
        // Recorded as desired now: the PATCH is idempotent, so resuming it re-polls the token.
        ops.record(s -> s.with(Records.withDashboard(updated.withLastOperation(op),
            before.dashboardUrl())));
        yield poll(current(address), op, desired.plan().maximumPollingDuration(), context);
      }
      case REFUSED -> {
        var refused = (OsbResult.Refused<dev.catalog.osb.InstanceResponse>) result;
        ops.record(s -> s.with(before.withLastOperation(
            Records.ended(intent, OperationState.FAILED, refused.description()))));
        throw new CatalogException(Operations.refused(address + ": update", refused));
      }
      case GONE ->
          throw new CatalogException(address + ": update answered 410 Gone");
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
        var accepted = (OsbResult.Accepted<dev.catalog.osb.NoContent>) result;
        var accepting = Records.accepted(op, accepted.operation());
        ops.record(s -> s.with(recorded.withLastOperation(accepting)));
        yield poll(current(address), accepting, Optional.empty(), context);
      }
      case REFUSED -> {
        var refused = (OsbResult.Refused<dev.catalog.osb.NoContent>) result;
        ops.record(s -> s.with(recorded.withLastOperation(
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
    var operation = osbOperation(op.type());
    var client = ops.client(recorded.broker());
    var target =
        PollTarget.instance(
            operation,
            recorded.instanceId(),
            new LastOperationQuery(offering(recorded), op.operationToken()));
    var address = recorded.address().toString();
    var outcome = ops.await(client, target, op.started(), planMaximum, context);
    return switch (outcome.kind()) {
      case SUCCEEDED -> {
        var ok = (PollOutcome.Succeeded) outcome;
        if (op.type() == OperationType.DEPROVISION) {
          yield gone(recorded);
        }
        finish(address, OperationState.SUCCEEDED, ok.description(), Optional.empty());
        yield StepOutcome.COMPLETED;
      }
      case GONE -> gone(recorded);
      case STILL_IN_PROGRESS -> StepOutcome.IN_PROGRESS;
      case FAILED -> {
        var failed = (PollOutcome.Failed) outcome;
        var text = failed.lastOperation().description();
        finish(address, OperationState.FAILED, text, Optional.empty());
        var message = address + ": " + op.type().wireName() + " failed"
            + text.map(d -> ": \"" + d + "\"").orElse("");
        // P-25: a failed async provision is orphan-mitigated.
        if (op.type() == OperationType.PROVISION) {
          throw mitigate(address, message);
        }
        throw new CatalogException(message);
      }
      case BUDGET_EXHAUSTED -> {
        var budget = (PollOutcome.BudgetExhausted) outcome;
        finish(address, OperationState.FAILED, Optional.empty(), Optional.empty());
        var message = address + ": " + op.type().wireName() + " did not finish within " + budget.budget();
        if (op.type() == OperationType.PROVISION) {
          throw mitigate(address, message);
        }
        throw new CatalogException(message);
      }
    };
  }

  /** Sends the pending orphan mitigation: a deprovision of the same id; removes it when done. */
  void mitigatePending(InstanceState recorded) {
    var client = ops.client(recorded.broker());
    var result = client.deprovision(recorded.instanceId(), offering(recorded));
    if (result instanceof OsbResult.Accepted<dev.catalog.osb.NoContent> accepted) {
      var target =
          PollTarget.instance(
              OsbOperation.DEPROVISION,
              recorded.instanceId(),
              new LastOperationQuery(offering(recorded), accepted.operation()));
      var outcome =
          ops.await(client, target, ops.now(), Optional.empty(), Operations.NEVER_CANCELLED);
      if (!(outcome instanceof PollOutcome.Gone) && !(outcome instanceof PollOutcome.Succeeded)) {
        throw new CatalogException("the deprovision did not finish: " + outcome.kind());
      }
    } else if (result instanceof OsbResult.Refused<dev.catalog.osb.NoContent> refused) {
      throw new CatalogException(Operations.refused("deprovision", refused));
    }
    ops.record(s -> s.without(recorded.address()));
  }

  private CatalogException mitigateAfter(String address, BrokerException e) {
    var message = address + ": " + e.getMessage();
    if (OrphanMitigation.decide(e) == Mitigation.INSTANCE) {
      return mitigate(address, message);
    }
    // Other 4xx (and requests that never left): nothing was created, nothing to remember.
    ops.record(s -> s.without(dev.catalog.state.Address.parse(address)));
    return new CatalogException(message, e);
  }

  /**
   * Records the orphan mitigation as pending, then tries it once; a mitigation that fails stays
   * recorded and the next apply retries it (OSB spec "Orphan Mitigation").
   */
  private CatalogException mitigate(String address, String message) {
    var recorded = current(address);
    var pending =
        new dev.catalog.state.OrphanMitigation(OperationType.DEPROVISION, message, ops.now());
    ops.record(s -> s.with(Records.withPending(recorded, List.of(pending))));
    try {
      mitigatePending(current(address));
      return new CatalogException(message + "; orphan mitigation deprovisioned it");
    } catch (RuntimeException e) {
      return new CatalogException(
          message + "; orphan mitigation is pending and will be retried: " + e.getMessage());
    }
  }

  private StepOutcome gone(InstanceState recorded) {
    ops.record(s -> s.without(recorded.address()));
    return StepOutcome.COMPLETED;
  }

  private LastOperation accept(
      String address, Optional<String> token, Optional<String> dashboardUrl) {
    var recorded = current(address);
    var op = Records.accepted(recorded.lastOperation().orElseThrow(), token);
    ops.record(s -> s.with(Records.withDashboard(recorded.withLastOperation(op), dashboardUrl)));
    return op;
  }

  private void finish(
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
        ops.recorded(dev.catalog.state.Address.parse(address))
            .orElseThrow(() -> new CatalogException(address + " is not recorded in state"));
  }

  static dev.catalog.osb.OfferingRef offering(InstanceState recorded) {
    return new dev.catalog.osb.OfferingRef(recorded.service().id(), recorded.plan().id());
  }

  static OsbOperation osbOperation(OperationType type) {
    return switch (type) {
      case PROVISION -> OsbOperation.PROVISION;
      case UPDATE -> OsbOperation.UPDATE;
      case DEPROVISION -> OsbOperation.DEPROVISION;
      case BIND -> OsbOperation.BIND;
      case UNBIND -> OsbOperation.UNBIND;
    };
  }
}
