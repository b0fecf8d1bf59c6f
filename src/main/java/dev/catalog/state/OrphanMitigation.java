package dev.catalog.state;

import java.time.Instant;
import java.util.Objects;

/**
 * A clean-up the OSB spec asks the platform to perform after an ambiguous failure (orphan
 * mitigation, OSB spec "Orphan Mitigation"), still to be done.
 *
 * @param operation the request to send: deprovision or unbind
 * @param reason why it is needed, e.g. {@code provision returned 500}
 * @param since when the need was recorded
 */
public record OrphanMitigation(OperationType operation, String reason, Instant since) {
  public OrphanMitigation {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(since, "since");
  }
}
