package dev.catalog.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.osb.LastOperationResponse;
import dev.catalog.osb.OsbResult;
import dev.catalog.osb.PollOutcome;
import dev.catalog.osb.PolledState;
import dev.catalog.osb.Refusal;
import dev.catalog.state.OperationType;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Apply's own broker messages read as every broker error does: the resource, the broker, the HTTP
 * status and the broker's description (issue 19, item 4). The refusals and failed operations they
 * describe come from the reference broker in ApplyFaultsIT and ApplyAsyncBindingIT.
 */
class OperationMessagesTest {
  @Test
  void aRefusalNamesTheResourceTheBrokerTheStatusTheCodeAndTheDescription() {
    var refused =
        new OsbResult.Refused<Void>(Refusal.CONCURRENCY_ERROR, 422, Optional.of("busy, retry"));

    assertThat(Operations.refused("instance.orders-db: update", "data", refused))
        .isEqualTo(
            "instance.orders-db: update: broker \"data\" returned 422 Unprocessable Entity"
                + " (ConcurrencyError): \"busy, retry\"");
  }

  @Test
  void aRefusalWithoutDescriptionSaysSo() {
    var refused = new OsbResult.Refused<Void>(Refusal.CONFLICT, 409, Optional.empty());

    assertThat(Operations.refused("binding.app: bind", "data", refused))
        .isEqualTo("binding.app: bind: broker \"data\" returned 409 Conflict with no description");
  }

  @Test
  void anOperationThatEndedFailedNamesTheBrokerThePollsStatusAndTheDescription() {
    var failed = new PollOutcome.Failed(lastOperation(Optional.of("disk full")));

    assertThat(Operations.endedBadly("instance.orders-db", "data", OperationType.PROVISION, failed))
        .isEqualTo(
            "instance.orders-db: provision failed: broker \"data\" returned 200 OK with state"
                + " \"failed\": \"disk full\"");
  }

  @Test
  void anOperationThatEndedFailedWithoutDescriptionSaysSo() {
    var failed = new PollOutcome.Failed(lastOperation(Optional.empty()));

    assertThat(Operations.endedBadly("binding.app", "data", OperationType.UNBIND, failed))
        .isEqualTo(
            "binding.app: unbind failed: broker \"data\" returned 200 OK with state \"failed\""
                + " and no description");
  }

  @Test
  void anOperationPastItsLimitNamesTheLimitAndTheBroker() {
    var late = new PollOutcome.BudgetExhausted(Duration.ofSeconds(150));

    assertThat(Operations.endedBadly("instance.orders-db", "data", OperationType.UPDATE, late))
        .isEqualTo(
            "instance.orders-db: update did not finish within 2m30s (the plan's"
                + " maximum_polling_duration): broker \"data\" still reported it in progress");
  }

  private static LastOperationResponse lastOperation(Optional<String> description) {
    return new LastOperationResponse(
        PolledState.FAILED, description, Optional.empty(), Optional.empty(), Optional.empty());
  }
}
