package dev.catalog.osb;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link OperationPoller} polls: the operation that returned 202 (it decides what a 410
 * means, P-16..P-19), the instance, the binding if any, and the query to send.
 */
public record PollTarget(
    OsbOperation operation,
    String instanceId,
    Optional<String> bindingId,
    LastOperationQuery query) {

  private static final EnumSet<OsbOperation> ASYNC_INSTANCE =
      EnumSet.of(OsbOperation.PROVISION, OsbOperation.UPDATE, OsbOperation.DEPROVISION);
  private static final EnumSet<OsbOperation> ASYNC_BINDING =
      EnumSet.of(OsbOperation.BIND, OsbOperation.UNBIND);

  public PollTarget {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(bindingId, "bindingId");
    Objects.requireNonNull(query, "query");
    var valid = bindingId.isPresent() ? ASYNC_BINDING : ASYNC_INSTANCE;
    if (!valid.contains(operation)) {
      throw new IllegalArgumentException(operation + " is not an async operation of this target");
    }
  }

  public static PollTarget instance(
      OsbOperation operation, String instanceId, LastOperationQuery q) {
    return new PollTarget(operation, instanceId, Optional.empty(), q);
  }

  public static PollTarget binding(
      OsbOperation operation, String instanceId, String bindingId, LastOperationQuery q) {
    return new PollTarget(operation, instanceId, Optional.of(bindingId), q);
  }

  /** Whether a 410 means success: only while deleting. */
  boolean goneIsSuccess() {
    return operation == OsbOperation.DEPROVISION || operation == OsbOperation.UNBIND;
  }
}
