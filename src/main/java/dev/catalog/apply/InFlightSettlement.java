package dev.catalog.apply;

import dev.catalog.CatalogException;
import dev.catalog.osb.BrokerException;
import dev.catalog.osb.BrokerOperations;
import dev.catalog.osb.LastOperationQuery;
import dev.catalog.osb.LastOperationResponse;
import dev.catalog.osb.OfferingIds;
import dev.catalog.osb.OsbResult;
import dev.catalog.sink.CredentialSinks;
import dev.catalog.state.BindingState;
import dev.catalog.state.InstanceState;
import dev.catalog.state.LastOperation;
import dev.catalog.state.OperationState;
import dev.catalog.state.ResourceState;
import dev.catalog.state.State;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Settles the operations state records as in flight (left by {@code --no-wait}, an interrupt or a
 * crash) by asking their brokers once how each ended, for {@code catalog refresh}: an ended
 * operation is recorded as ended, a finished delete forgets its resource. A finished bind is left
 * for {@code catalog apply}, which reads the binding back and delivers its credentials. Moved out
 * of the command (issue 12) so the CLI only parses, calls this and prints. What an answer means is
 * {@link InFlight#ending}, the table apply's polls read too; refresh reads every operation once,
 * whatever {@link InFlight#resumption} apply would choose, because it sends nothing.
 */
public final class InFlightSettlement {
  private final Brokers clients;
  private final CredentialSinks sinks;
  private final Consumer<String> report;

  /**
   * @param clients the configured brokers' clients
   * @param sinks where a deleted binding's credentials are removed from
   * @param report receives one line per resource, {@code ADDRESS: what happened}
   */
  public InFlightSettlement(Brokers clients, CredentialSinks sinks, Consumer<String> report) {
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
              .operations(resource.broker())
              .orElseThrow(
                  () ->
                      new CatalogException(
                          "broker \"" + resource.broker() + "\" is not configured"));
      next = resolve(next, resource, client);
    }
    return next;
  }

  private State resolve(State state, ResourceState resource, BrokerOperations client) {
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
    var said =
        answer.kind() == OsbResult.Kind.COMPLETED
            ? Optional.of(((OsbResult.Completed<LastOperationResponse>) answer).value())
            : Optional.<LastOperationResponse>empty();
    if (answer.kind() != OsbResult.Kind.GONE && said.isEmpty()) {
      say(resource, "the broker answered " + answer.kind() + "; it stays in flight");
      return state;
    }
    var ending =
        InFlight.ending(
            op.type(), said.map(InFlightSettlement::answer).orElse(InFlight.Answer.GONE));
    switch (ending) {
      case FORGET:
        return gone(state, resource);
      case UNKNOWN:
        say(resource, "the broker answered " + answer.kind() + "; it stays in flight");
        return state;
      case RUNNING:
        say(resource, op.type().wireName() + " still in progress");
        return state;
      case FAILED:
        say(
            resource,
            op.type().wireName()
                + " failed"
                + said.get().description().map(d -> ": " + d).orElse("")
                + "; run catalog apply to repair it");
        return state.with(withOperation(resource, ended(op, OperationState.FAILED)));
      case READ_BACK:
        // Reading the credentials back and delivering them is apply's: refresh sends nothing.
        say(resource, "bind finished; run catalog apply to deliver its credentials");
        return state;
      case SUCCEEDED:
      default:
        say(resource, op.type().wireName() + " succeeded");
        return state.with(withOperation(resource, ended(op, OperationState.SUCCEEDED)));
    }
  }

  private static InFlight.Answer answer(LastOperationResponse live) {
    return switch (live.state()) {
      case SUCCEEDED -> InFlight.Answer.SUCCEEDED;
      case FAILED -> InFlight.Answer.FAILED;
      case IN_PROGRESS -> InFlight.Answer.IN_PROGRESS;
    };
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
