package dev.catalog.plan;

import dev.catalog.state.Address;
import dev.catalog.state.OperationType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Work an earlier apply left on one resource, which the next apply does even when the
 * configuration asks for no change: an operation to resume, an orphan mitigation to send, or
 * credentials to deliver. A plan
 * lists it and counts it, so it never says "No changes" while apply would send a request.
 *
 * @param address the resource
 * @param osbId its OSB id (instance_id or binding_id), which the request carries
 * @param kind what is left
 * @param operation the operation resumed, or the request the mitigation sends
 * @param since when it was started or recorded
 * @param reason for a mitigation, why it is needed (the failure it follows)
 */
public record PendingWork(
    Address address,
    String osbId,
    PendingWork.Kind kind,
    OperationType operation,
    Instant since,
    Optional<String> reason) {
  public PendingWork {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(osbId, "osbId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(reason, "reason");
  }

  /** What is left. */
  public enum Kind {
    /** An operation in flight (a crash, an interrupt or {@code --no-wait}): polled or re-sent. */
    RESUME,
    /** A clean-up the OSB spec asks for after an ambiguous failure, sent before anything else. */
    ORPHAN_MITIGATION,
    /**
     * A binding bound at its broker whose credentials did not reach its sink (issue 19): apply
     * delivers them, from a GET of the binding or by unbinding and binding anew.
     */
    DELIVERY,
    /**
     * A sink move (issue 13) interrupted after the new sink was written and recorded: apply removes
     * the old sink, which {@code reason} names. No request goes to the broker.
     */
    SINK_REMOVAL;

    /**
     * The JSON name: {@code resume}, {@code orphan_mitigation}, {@code delivery}, {@code
     * sink_removal}.
     */
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One line for people: {@code update in flight since 2026-12-07T10:00:00Z: apply resumes it}. */
  public String describe() {
    return switch (kind) {
      case RESUME -> operation.wireName() + " in flight since " + since + ": apply resumes it";
      case ORPHAN_MITIGATION ->
          "orphan mitigation pending since "
              + since
              + reason.map(r -> " (" + r + ")").orElse("")
              + ": apply first sends "
              + operation.wireName()
              + " of "
              + osbId;
      case SINK_REMOVAL ->
          "its credentials moved to the sink the configuration names, but the old sink "
              + reason.orElse("")
              + " was not removed yet (an apply was interrupted): apply removes it";
      case DELIVERY ->
          "bound since "
              + since
              + " but its credentials were not delivered: apply delivers them (read back from"
              + " the broker when the offering is bindings_retrievable, else by unbinding and"
              + " binding anew)";
    };
  }
}
