package dev.catalog.cli;

import dev.catalog.CatalogException;
import dev.catalog.osb.BrokerClient;
import dev.catalog.osb.BrokerException;
import dev.catalog.osb.HttpTrace;
import dev.catalog.osb.LastOperationQuery;
import dev.catalog.osb.LastOperationResponse;
import dev.catalog.osb.OfferingIds;
import dev.catalog.osb.OsbResult;
import dev.catalog.sink.CredentialSinks;
import dev.catalog.state.BindingState;
import dev.catalog.state.InstanceState;
import dev.catalog.state.LastOperation;
import dev.catalog.state.OperationState;
import dev.catalog.state.OperationType;
import dev.catalog.state.ResourceState;
import dev.catalog.state.State;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code catalog refresh}: asks the brokers about every operation state records as in flight (left
 * by {@code --no-wait}, an interrupt or a crash) and records how it ended. A finished bind is left
 * for {@code catalog apply}, which reads the binding back and delivers its credentials.
 */
@Command(
    name = "refresh",
    mixinStandardHelpOptions = true,
    description = "Update the state from live broker reads: resolve operations left in flight.")
final class RefreshCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;

  @Mixin BackendOptions backend;

  private final CliEnvironment env;

  RefreshCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    var loaded = config.load(env);
    var clients = new PlanBrokerClients(loaded, new BrokerConnections(env), HttpTrace.NONE);
    try (var session = StateSession.open(env, backend, config);
        var sinks = new CredentialSinks(KubernetesClients.from(env))) {
      var inFlight = session.store().read().state().inFlight();
      if (inFlight.isEmpty()) {
        env.out().println("No operations in flight; state is up to date.");
        env.out().flush();
        return ExitCode.OK;
      }
      session.mutate(
          "refresh",
          state -> {
            var next = state;
            for (var resource : state.inFlight()) {
              var client =
                  clients
                      .client(resource.broker())
                      .orElseThrow(
                          () ->
                              new CatalogException(
                                  "broker \"" + resource.broker() + "\" is not configured"));
              next = resolve(next, resource, client, sinks);
            }
            return next;
          });
      env.out().flush();
      return ExitCode.OK;
    }
  }

  private State resolve(
      State state, ResourceState resource, BrokerClient client, CredentialSinks sinks) {
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
      return gone(state, resource, sinks);
    }
    if (answer.kind() != OsbResult.Kind.COMPLETED) {
      say(resource, "the broker answered " + answer.kind() + "; it stays in flight");
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
          return gone(state, resource, sinks);
        }
        if (op.type() == OperationType.BIND) {
          say(resource, "bind finished; run catalog apply to deliver its credentials");
          return state;
        }
        say(resource, op.type().wireName() + " succeeded");
        return state.with(withOperation(resource, ended(op, OperationState.SUCCEEDED)));
    }
  }

  private State gone(State state, ResourceState resource, CredentialSinks sinks) {
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
    env.out().println(resource.address() + ": " + what);
  }
}
