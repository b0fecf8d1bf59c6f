package dev.catalog.osb;

import java.util.Optional;

/**
 * The OSB operations an apply sends to one broker: create, change and delete instances and
 * bindings, ask how an accepted operation went, and read a binding back for its credentials (issue
 * 12). {@link BrokerClient} implements it over HTTP; the apply engine ({@code dev.catalog.apply})
 * and the {@link OperationPoller} see only this, so their decisions can be tested against an
 * in-memory broker. It lives in {@code osb}, not {@code apply}, because the poller needs it too and
 * {@code osb} may depend on nothing above it.
 *
 * <p>Each method answers as {@link BrokerClient}'s does: the outcomes the OSB spec gives the
 * operation as an {@link OsbResult} (or {@link Optional} for a read), anything else as a {@link
 * BrokerException}.
 */
public interface BrokerOperations {
  /** {@code PUT /v2/service_instances/:id}. */
  OsbResult<InstanceResponse> provision(String instanceId, ProvisionRequest request);

  /** {@code PATCH /v2/service_instances/:id}. */
  OsbResult<InstanceResponse> update(String instanceId, UpdateRequest request);

  /** {@code DELETE /v2/service_instances/:id}. */
  OsbResult<NoContent> deprovision(String instanceId, OfferingIds offering);

  /** {@code GET /v2/service_instances/:id/last_operation}; 410 comes back as gone. */
  OsbResult<LastOperationResponse> lastInstanceOperation(
      String instanceId, LastOperationQuery query);

  /** {@code PUT .../service_bindings/:bid}. */
  OsbResult<BindingDetails> bind(String instanceId, String bindingId, BindRequest request);

  /** {@code DELETE .../service_bindings/:bid}. */
  OsbResult<NoContent> unbind(String instanceId, String bindingId, OfferingIds offering);

  /** {@code GET .../service_bindings/:bid/last_operation}; 410 comes back as gone. */
  OsbResult<LastOperationResponse> lastBindingOperation(
      String instanceId, String bindingId, LastOperationQuery query);

  /** {@code GET .../service_bindings/:bid}; empty on 404. */
  Optional<BindingDetails> fetchBinding(
      String instanceId, String bindingId, Optional<OfferingIds> hints);
}
