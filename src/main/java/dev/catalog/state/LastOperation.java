package dev.catalog.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The last OSB operation on a resource. Written with state {@code IN_PROGRESS} before the request
 * is sent, so a crash is recoverable: the operation is polled again, never started twice
 * (PRODUCT.md section 2).
 *
 * @param type provision, update, deprovision, bind or unbind
 * @param state in progress, succeeded or failed
 * @param operationToken the broker's {@code operation} value of an async 202, if any
 * @param started when catalog started it
 * @param description the broker's last description, if any
 */
public record LastOperation(
    OperationType type,
    OperationState state,
    Optional<String> operationToken,
    Instant started,
    Optional<String> description) {

  public LastOperation {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(operationToken, "operationToken");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(description, "description");
  }

  /** Whether the operation was started and has not reached a terminal state. */
  public boolean inFlight() {
    return state == OperationState.IN_PROGRESS;
  }
}
