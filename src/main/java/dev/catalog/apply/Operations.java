package dev.catalog.apply;

import dev.catalog.CatalogException;
import dev.catalog.Sleeper;
import dev.catalog.osb.BrokerOperations;
import dev.catalog.osb.LastOperationResponse;
import dev.catalog.osb.OperationPoller;
import dev.catalog.osb.OsbOperation;
import dev.catalog.osb.OsbResult;
import dev.catalog.osb.PollListener;
import dev.catalog.osb.PollOutcome;
import dev.catalog.osb.PollTarget;
import dev.catalog.state.Address;
import dev.catalog.state.OperationType;
import dev.catalog.state.ResourceState;
import dev.catalog.state.State;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Helpers the instance and binding operations share: clients, polling, state reads. */
final class Operations {
  /** The context of a clean-up, which always waits for its operation. */
  static final StepContext NEVER_CANCELLED =
      new StepContext() {
        @Override
        public void polling(String description) {}

        @Override
        public boolean cancelled() {
          return false;
        }
      };

  private final ApplyServices services;

  Operations(ApplyServices services) {
    this.services = services;
  }

  ApplyServices services() {
    return services;
  }

  BrokerOperations client(String broker) {
    return services
        .brokers()
        .operations(broker)
        .orElseThrow(() -> new CatalogException("broker \"" + broker + "\" is not configured"));
  }

  State state() {
    return services.recorder().current().state();
  }

  Optional<ResourceState> recorded(Address address) {
    return state().resource(address);
  }

  void record(UnaryOperator<State> change) {
    services.recorder().record(change);
  }

  Instant now() {
    return services.clock().instant();
  }

  /**
   * Polls an accepted operation until it ends, reporting the broker's descriptions; returns still
   * in progress, without asking the broker again, once the apply is interrupted.
   */
  PollOutcome await(
      BrokerOperations client,
      PollTarget target,
      Instant started,
      Optional<Duration> planMaximum,
      StepContext context) {
    Sleeper pause = duration -> context.pause(duration, services.sleeper());
    var poller = new OperationPoller(client, services.clock(), pause, services.polling());
    PollListener listener =
        new PollListener() {
          @Override
          public void inProgress(LastOperationResponse operation) {
            context.polling(operation.description().orElse(""));
          }

          @Override
          public boolean stopWaiting() {
            return context.cancelled();
          }
        };
    return poller.await(target, started, planMaximum, Optional.empty(), listener);
  }

  /** The user-facing text of a refusal. */
  static String refused(String what, OsbResult.Refused<?> refused) {
    var code = refused.refusal().errorCode();
    return what
        + ": the broker refused with "
        + refused.status()
        + (code.isEmpty() ? "" : " " + code)
        + refused.description().map(d -> ": \"" + d + "\"").orElse("");
  }

  /** The OSB operation whose {@code last_operation} tells how a recorded operation went. */
  static OsbOperation osbOperation(OperationType type) {
    return switch (type) {
      case PROVISION -> OsbOperation.PROVISION;
      case UPDATE -> OsbOperation.UPDATE;
      case DEPROVISION -> OsbOperation.DEPROVISION;
      case BIND -> OsbOperation.BIND;
      case UNBIND -> OsbOperation.UNBIND;
    };
  }

  /** The message of an operation that ended {@code failed} or ran past its time (P-23). */
  static String endedBadly(Object address, OperationType type, PollOutcome outcome) {
    var what = address + ": " + type.wireName();
    if (outcome instanceof PollOutcome.BudgetExhausted budget) {
      return what + " did not finish within " + budget.describe();
    }
    return what + " failed" + description(outcome).map(d -> ": \"" + d + "\"").orElse("");
  }

  /** The broker's description of a failed operation, if it gave one. */
  static Optional<String> description(PollOutcome outcome) {
    return outcome instanceof PollOutcome.Failed failed
        ? failed.lastOperation().description()
        : Optional.empty();
  }
}
