package dev.catalog.apply;

import dev.catalog.CatalogException;
import dev.catalog.osb.BrokerOperations;
import dev.catalog.osb.LastOperationQuery;
import dev.catalog.osb.NoContent;
import dev.catalog.osb.OfferingIds;
import dev.catalog.osb.OsbOperation;
import dev.catalog.osb.OsbResult;
import dev.catalog.osb.PollOutcome;
import dev.catalog.osb.PollTarget;
import dev.catalog.state.BindingState;
import dev.catalog.state.InstanceState;
import dev.catalog.state.OperationType;
import dev.catalog.state.OrphanMitigation;
import dev.catalog.state.ResourceState;
import java.util.List;
import java.util.Optional;

/**
 * Orphan mitigation (OSB spec "Orphan Mitigation", checklist section 1.11): a DELETE of a resource
 * whose creation could not be confirmed, recorded in state as pending before it is sent, so that a
 * clean-up that fails (or a crash) leaves it for the next apply, which sends it again first.
 */
final class OrphanMitigations {
  private final Operations ops;

  OrphanMitigations(Operations ops) {
    this.ops = ops;
  }

  /**
   * Records the clean-up of {@code recorded} as pending, then tries it once.
   *
   * @return the failure to report: {@code message} and how the clean-up went
   */
  CatalogException mitigate(ResourceState recorded, String message) {
    var instance = recorded instanceof InstanceState;
    var operation = instance ? OperationType.DEPROVISION : OperationType.UNBIND;
    var pending = List.of(new OrphanMitigation(operation, message, ops.now()));
    ops.record(
        s ->
            s.with(
                instance
                    ? Records.withPending((InstanceState) recorded, pending)
                    : Records.withPending((BindingState) recorded, pending)));
    try {
      sendPending(ops.recorded(recorded.address()).orElseThrow());
      return new CatalogException(
          message + "; orphan mitigation " + (instance ? "deprovisioned" : "unbound") + " it");
    } catch (RuntimeException e) {
      return new CatalogException(
          message + "; orphan mitigation is pending and will be retried: " + e.getMessage());
    }
  }

  /**
   * Sends the pending clean-up of {@code recorded}: a deprovision or unbind of the same id, polled
   * when accepted (OM-05: 200 and 410 are done); removes the resource from state once it is gone.
   *
   * @throws CatalogException when the broker refused or the operation did not finish
   */
  void sendPending(ResourceState recorded) {
    var client = ops.client(recorded.broker());
    OsbResult<NoContent> result;
    PollTarget target;
    if (recorded instanceof InstanceState i) {
      var offering = InstanceOperations.offering(i);
      result = client.deprovision(i.instanceId(), offering);
      target =
          PollTarget.instance(OsbOperation.DEPROVISION, i.instanceId(), query(offering, result));
    } else {
      var b = (BindingState) recorded;
      var offering = BindingOperations.offering(b);
      result = client.unbind(b.instanceId(), b.bindingId(), offering);
      target =
          PollTarget.binding(
              OsbOperation.UNBIND, b.instanceId(), b.bindingId(), query(offering, result));
    }
    var what = target.bindingId().isPresent() ? "unbind" : "deprovision";
    if (result instanceof OsbResult.Accepted<NoContent>) {
      awaitGone(client, target, what);
    } else if (result instanceof OsbResult.Refused<NoContent> refused) {
      throw new CatalogException(Operations.refused(what, refused));
    }
    ops.record(s -> s.without(recorded.address()));
  }

  private void awaitGone(BrokerOperations client, PollTarget target, String what) {
    var outcome =
        ops.await(client, target, ops.now(), Optional.empty(), Operations.NEVER_CANCELLED);
    if (!(outcome instanceof PollOutcome.Gone) && !(outcome instanceof PollOutcome.Succeeded)) {
      throw new CatalogException("the " + what + " did not finish: " + outcome.kind());
    }
  }

  private static LastOperationQuery query(
      OfferingIds offering, OsbResult<NoContent> result) {
    var token =
        result instanceof OsbResult.Accepted<NoContent> accepted
            ? accepted.operation()
            : Optional.<String>empty();
    return new LastOperationQuery(offering, token);
  }
}
