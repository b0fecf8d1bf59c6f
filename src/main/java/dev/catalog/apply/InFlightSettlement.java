package dev.catalog.apply;

import dev.catalog.CatalogException;
import dev.catalog.osb.BrokerClient;
import dev.catalog.osb.BrokerException;
import dev.catalog.osb.LastOperationQuery;
import dev.catalog.osb.LastOperationResponse;
import dev.catalog.osb.OfferingIds;
import dev.catalog.osb.OsbResult;
import dev.catalog.plan.BrokerClients;
import dev.catalog.sink.CredentialSinks;
import dev.catalog.state.BindingState;
import dev.catalog.state.InstanceState;
import dev.catalog.state.LastOperation;
import dev.catalog.state.OperationState;
import dev.catalog.state.OperationType;
import dev.catalog.state.ResourceState;
import dev.catalog.state.State;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Settles the operations state records as in flight (left by {@code --no-wait}, an interrupt or a
 * crash) by asking their brokers once how each ended, for {@code catalog refresh}: an ended
 * operation is recorded as ended, a finished delete forgets its resource. A finished bind is left
 * for {@code catalog apply}, which reads the binding back and delivers its credentials. Moved out
 * of the command (issue 12) so the CLI only parses, calls this and prints.
 */
public final class InFlightSettlement {
  private final BrokerClients clients;
  private final CredentialSinks sinks;
  private final Consumer<String> report;

  /**
   * @param clients the configured brokers' clients
   * @param sinks where a deleted binding's credentials are removed from
   * @param report receives one line per resource, {@code ADDRESS: what happened}
   */
  public InFlightSettlement(
      BrokerClients clients, CredentialSinks sinks, Consumer<String> report) {
    this.clients = clients;
    this.sinks = sinks;
    this.report = report;
  }

  /** {@code state} with every in-flight operation the brokers report as ended settled. */
  public State settle(State state) {
    var next = state;
    for (var resource : state.inFlight()) {
      var client =
          clients
              .client(resource.broker())
              .orElseThrow(
                  () ->
                      new CatalogException(
                          "broker \"" + resource.broker() + "\" is not configured"));
      next = resolve(next, resource, client);
    }
    return next;
  }

  private State resolve(State state, ResourceState resource, BrokerClient client) {
    var op = resource.lastOperation().orElseThrow();
    var offering =
        resource instanceof InstanceState i
            ? new OfferingIds(i.service().id(), i.plan().id())
            : new OfferingIds(
                ((BindingState) resource).service().id(), ((BindingState) resource).plan().id());
    var query = new LastOperationQuery(offering, op.operationToken());
    OsbResult<LastOperationResponse> answer;
    try {
      answer =
          resource instanceof BindingState b
              ? client.lastBindingOperation(b.instanceId(), b.bindingId(), query)
              : client.lastInstanceOperation(resource.osbId(), query);
    } catch (BrokerException e) {
      say(resource, "could not be read: " + e.getMessage() + "; it stays in flight");
      return state;
    }
    boolean deleting =
        op.type() == OperationType.DEPROVISION || op.type() == OperationType.UNBIND;
    if (answer.kind() == OsbResult.Kind.GONE && deleting) {
      return gone(state, resource);
    }
    if (answer.kind() != OsbResult.Kind.COMPLETED) {
      say(
          resource,
          "broker \""
              + resource.broker()
              + "\" answered "
              + answer.kind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
              + "; it stays in flight");
      return state;
    }
    var live = ((OsbResult.Completed<LastOperationResponse>) answer).value();
    switch (live.state()) {
      case IN_PROGRESS:
        say(resource, op.type().wireName() + " still in progress");
        return state;
      case FAILED:
        say(resource, op.type().wireName() + " failed" + live.description().map(d -> ": " + d)
            .orElse("") + "; run catalog apply to repair it");
        return state.with(withOperation(resource, ended(op, OperationState.FAILED)));
      case SUCCEEDED:
      default:
        if (deleting) {
          return gone(state, resource);
        }
        if (op.type() == OperationType.BIND) {
          say(resource, "bind finished; run catalog apply to deliver its credentials");
          return state;
        }
        say(resource, op.type().wireName() + " succeeded");
        return state.with(withOperation(resource, ended(op, OperationState.SUCCEEDED)));
    }
  }

  private State gone(State state, ResourceState resource) {
    if (resource instanceof BindingState b) {
      b.sink().ifPresent(sink -> sinks.forRecorded(sink).delete(b.address()));
    }
    say(resource, "deleted");
    return state.without(resource.address());
  }

  private static LastOperation ended(LastOperation op, OperationState state) {
    return new LastOperation(op.type(), state, op.operationToken(), op.started(), Optional.empty());
  }

  private static ResourceState withOperation(ResourceState resource, LastOperation op) {
    if (resource instanceof InstanceState i) {
      return i.withLastOperation(op);
    }
    return ((BindingState) resource).withLastOperation(op);
  }

  private void say(ResourceState resource, String what) {
    report.accept(resource.address() + ": " + what);
  }
}
