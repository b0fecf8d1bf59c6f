package dev.catalog.apply;

import dev.catalog.CatalogException;
import dev.catalog.osb.BrokerException;
import dev.catalog.osb.InstanceResponse;
import dev.catalog.osb.LastOperationQuery;
import dev.catalog.osb.Mitigation;
import dev.catalog.osb.OrphanMitigationTable;
import dev.catalog.osb.OsbResult;
import dev.catalog.osb.ProvisionRequest;
import dev.catalog.plan.DesiredInstance;
import dev.catalog.state.Address;
import dev.catalog.state.InstanceState;
import dev.catalog.state.OperationState;
import dev.catalog.state.OperationType;
import java.util.Optional;
import java.util.UUID;

/**
 * Provisioning of one instance: the new id and the operation written to state before the PUT, the
 * answer written before anything else; a resumed provision asks the broker before sending again
 * (P-28); a provision whose outcome is unknown is orphan-mitigated as the OSB spec's table says.
 */
final class InstanceProvisioning {
  // PR-04: required, deprecated; catalog has no organisations or spaces.
  private static final String GUID = "catalog";
  private final Operations ops;
  private final InstanceOperations instances;
  private final OrphanMitigations mitigations;

  InstanceProvisioning(
      Operations ops, InstanceOperations instances, OrphanMitigations mitigations) {
    this.ops = ops;
    this.instances = instances;
    this.mitigations = mitigations;
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
    var address = desired.address().toString();
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
    OsbResult<InstanceResponse> result;
    try {
      result = client.provision(id, request);
    } catch (BrokerException e) {
      throw mitigateAfter(address, e);
    }
    return switch (result.kind()) {
      case COMPLETED -> {
        var done = (OsbResult.Completed<InstanceResponse>) result;
        var dashboard = done.value().dashboardUrl();
        instances.finish(address, OperationState.SUCCEEDED, Optional.empty(), dashboard);
        yield StepOutcome.COMPLETED;
      }
      case ACCEPTED -> {
        var accepted = (OsbResult.Accepted<InstanceResponse>) result;
        var op = instances.accept(address, accepted.operation(), accepted.dashboardUrl());
        var maximum = desired.plan().maximumPollingDuration();
        yield instances.poll(instances.current(address), op, maximum, context);
      }
      case REFUSED -> {
        var refused = (OsbResult.Refused<InstanceResponse>) result;
        // E-05: a 4xx changed nothing at the broker, so nothing is recorded either.
        ops.record(s -> s.without(desired.address()));
        throw new CatalogException(Operations.refused(address + ": provision", desired.broker(), refused));
      }
      case GONE -> throw new CatalogException(address + ": provision answered 410 Gone");
    };
  }

  /**
   * Resumes a provision recorded as about to be sent, with no operation token: the PUT may or may
   * not have reached the broker. The broker's last_operation says whether it did (P-28: re-poll
   * rather than re-issue); when it knows nothing of the instance, the same PUT is sent again.
   */
  StepOutcome resumeProvision(
      DesiredInstance desired, InstanceState recorded, StepContext context) {
    var client = ops.client(recorded.broker());
    var query = new LastOperationQuery(InstanceOperations.offering(recorded), Optional.empty());
    try {
      var known = client.lastInstanceOperation(recorded.instanceId(), query);
      if (known.kind() == OsbResult.Kind.COMPLETED) {
        return instances.poll(
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

  private CatalogException mitigateAfter(String address, BrokerException e) {
    var message = address + ": " + e.getMessage();
    if (OrphanMitigationTable.decide(e) == Mitigation.INSTANCE) {
      return mitigations.mitigate(instances.current(address), message);
    }
    // Other 4xx (and requests that never left): nothing was created, nothing to remember.
    ops.record(s -> s.without(Address.parse(address)));
    return new CatalogException(message, e);
  }
}
