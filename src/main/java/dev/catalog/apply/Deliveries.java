package dev.catalog.apply;

import dev.catalog.CatalogException;
import dev.catalog.osb.BindingDetails;
import dev.catalog.plan.DesiredBinding;
import dev.catalog.plan.DesiredResource;
import dev.catalog.plan.ResourceChange;
import dev.catalog.sink.CredentialSinks;
import dev.catalog.sink.Credentials;
import dev.catalog.state.BindingState;
import dev.catalog.state.OperationState;
import java.util.Optional;

/**
 * Delivers a binding's credentials to its sink, and records a delivery that failed (issue 19): the
 * binding is bound at its broker, so state keeps it, as bound and not delivered, and the next apply
 * finishes the delivery, from a GET of the binding when the offering is {@code
 * bindings_retrievable}, else by unbinding and binding anew. Nothing stays live at a broker that
 * state does not track.
 */
final class Deliveries {
  private final Operations ops;

  Deliveries(Operations ops) {
    this.ops = ops;
  }

  /**
   * Writes the credentials to the sink, then records only their fingerprint and the sink; when the
   * sink fails, records the binding as bound and not delivered, and fails with what to do.
   */
  void deliver(DesiredBinding desired, BindingDetails details) {
    var address = desired.address();
    var sink = ops.services().sinks().forTarget(desired.config().credentials());
    var recorded = current(desired);
    var bound = recorded.lastOperation().orElseThrow();
    try {
      var delivery =
          CredentialSinks.deliver(
              address,
              Credentials.of(details.credentials().reveal()),
              sink,
              ops.services().fingerprintKey());
      var op = Records.ended(bound, OperationState.SUCCEEDED, Optional.empty());
      ops.record(s -> s.with(Records.delivered(recorded, delivery, op)));
    } catch (CatalogException e) {
      var op =
          Records.ended(bound, OperationState.SUCCEEDED, Optional.of(BindingState.NOT_DELIVERED));
      ops.record(s -> s.with(Records.withOperation(recorded, op)));
      throw new CatalogException(
          e.getMessage()
              + "\n"
              + address
              + " is bound at broker \""
              + recorded.broker()
              + "\" and recorded in state as not delivered: the next apply delivers its"
              + " credentials (catalog plan lists it)",
          e);
    }
  }

  /**
   * Finishes the delivery an earlier apply could not make.
   *
   * @param bindings binds anew when the credentials cannot be read back
   */
  StepOutcome redeliver(
      DesiredBinding desired,
      BindingState recorded,
      BindingOperations bindings,
      StepContext context) {
    if (desired.instance().service().bindingsRetrievable()) {
      var client = ops.client(recorded.broker());
      var details =
          client.fetchBinding(
              recorded.instanceId(),
              recorded.bindingId(),
              Optional.of(BindingOperations.offering(recorded)));
      if (details.isPresent()) {
        deliver(desired, details.get());
        return StepOutcome.COMPLETED;
      }
      // Gone at the broker: nothing live to track; bind anew below as for a lost binding.
      ops.record(s -> s.without(recorded.address()));
      return bindings.create(desired, context);
    }
    // The broker cannot return the credentials again (OSB: only the bind response carries them),
    // so the binding is replaced: unbind first, so that no binding is live without state.
    var unbound = bindings.delete(recorded, context);
    if (unbound == StepOutcome.IN_PROGRESS) {
      return unbound;
    }
    return bindings.create(desired, context);
  }

  /**
   * How a delivery left by an earlier apply counts: a binding read back and delivered is changed
   * (same binding id); one unbound and bound anew is replaced.
   */
  static StepAction stepAction(ResourceChange change) {
    return change.desired().orElse(null) instanceof DesiredResource.OfBinding d
            && !d.binding().instance().service().bindingsRetrievable()
        ? StepAction.REPLACE
        : StepAction.UPDATE;
  }

  private BindingState current(DesiredBinding desired) {
    return (BindingState)
        ops.recorded(desired.address())
            .orElseThrow(() -> new CatalogException(desired.address() + " is not recorded"));
  }
}
