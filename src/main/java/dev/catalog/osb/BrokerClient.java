package dev.catalog.osb;

import dev.catalog.Sleeper;
import dev.catalog.Redactor;
import dev.catalog.osb.model.Catalog;
import dev.catalog.osb.model.CatalogParser;
import dev.catalog.osb.model.InvalidCatalogException;
import java.time.Clock;
import java.util.Optional;

/**
 * The OSB client for one broker: one method per OSB operation, returning typed outcomes ({@link
 * OsbResult}, {@link Optional} for fetches) and throwing {@link BrokerException} for everything
 * else. Every request carries the headers of checklist section 1.1; ids and {@code operation} are
 * percent-encoded; {@code accepts_incomplete=true} goes on every mutating request (P-01).
 * Thread-safe.
 */
public final class BrokerClient implements BrokerOperations {
  private final BrokerHttp http;
  private final InstanceEndpoints instances;
  private final BindingEndpoints bindings;

  private BrokerClient(BrokerHttp http, Clock clock) {
    this.http = http;
    this.instances = new InstanceEndpoints(http, clock);
    this.bindings = new BindingEndpoints(http, clock);
  }

  /** A client with no trace, real sleeps, the system clock and default retries. */
  public static BrokerClient create(BrokerConnection connection) {
    return create(connection, HttpTrace.NONE, Sleeper.REAL, Clock.systemUTC(), RetryPolicy.DEFAULT);
  }

  /** A client with everything injected; tests pass a fake clock and sleeper. */
  public static BrokerClient create(
      BrokerConnection connection,
      HttpTrace trace,
      Sleeper sleeper,
      Clock clock,
      RetryPolicy retry) {
    return create(connection, trace, sleeper, clock, retry, new Redactor());
  }

  /**
   * A client that scrubs the run's known secrets out of what the broker writes (descriptions,
   * error bodies) and adds its own auth and the credentials of its bindings to them.
   */
  public static BrokerClient create(
      BrokerConnection connection,
      HttpTrace trace,
      Sleeper sleeper,
      Clock clock,
      RetryPolicy retry,
      Redactor redactor) {
    return create(connection, trace, sleeper, clock, retry, redactor, "");
  }

  /** A client whose errors name the broker: {@code broker "acme" returned 422 ...}. */
  public static BrokerClient create(
      BrokerConnection connection,
      HttpTrace trace,
      Sleeper sleeper,
      Clock clock,
      RetryPolicy retry,
      Redactor redactor,
      String brokerName) {
    return new BrokerClient(
        new BrokerHttp(connection, trace, sleeper, clock, retry, redactor, brokerName), clock);
  }

  public BrokerConnection connection() {
    return http.connection();
  }

  /** {@code GET /v2/catalog}: only 200 is success (C-02); the catalog is validated (C-06). */
  public Catalog catalog() {
    var request =
        new BrokerRequest(
            OsbOperation.CATALOG,
            "",
            RequestUri.under(http.connection().baseUrl()).path("v2/catalog").build(),
            Optional.empty(),
            BrokerRequest.CATALOG_BODY_LIMIT);
    var response = http.send(request);
    if (response.status() != 200) {
      throw Responses.unexpected(request, response);
    }
    try {
      return CatalogParser.parse(Responses.successBody(request, response));
    } catch (InvalidCatalogException e) {
      throw Responses.malformed(request, response, "invalid catalog: " + e.getMessage());
    }
  }

  /** {@code PUT /v2/service_instances/:id}: 200/201 completed, 202 accepted, 409/422 refused. */
  @Override
  public OsbResult<InstanceResponse> provision(String instanceId, ProvisionRequest request) {
    return instances.provision(instanceId, request);
  }

  /** {@code PATCH /v2/service_instances/:id}: 200 completed, 202 accepted, 422 refused. */
  @Override
  public OsbResult<InstanceResponse> update(String instanceId, UpdateRequest request) {
    return instances.update(instanceId, request);
  }

  /** {@code DELETE /v2/service_instances/:id}: 200 completed, 202 accepted, 410 gone. */
  @Override
  public OsbResult<NoContent> deprovision(String instanceId, OfferingIds offering) {
    return instances.deprovision(instanceId, offering);
  }

  /** {@code GET /v2/service_instances/:id/last_operation}; 410 comes back as gone. */
  @Override
  public OsbResult<LastOperationResponse> lastInstanceOperation(String instanceId, LastOperationQuery q) {
    return instances.lastOperation(instanceId, q);
  }

  /** {@code GET /v2/service_instances/:id}; empty on 404 (absent or still provisioning). */
  public Optional<InstanceDetails> fetchInstance(String instanceId, Optional<OfferingIds> hints) {
    return instances.fetch(instanceId, hints);
  }

  /** {@code PUT .../service_bindings/:bid}: 200/201 completed, 202 accepted, 409/422 refused. */
  @Override
  public OsbResult<BindingDetails> bind(String instanceId, String bindingId, BindRequest request) {
    return bindings.bind(instanceId, bindingId, request);
  }

  /** {@code DELETE .../service_bindings/:bid}: 200 completed, 202 accepted, 410 gone. */
  @Override
  public OsbResult<NoContent> unbind(String instanceId, String bindingId, OfferingIds offering) {
    return bindings.unbind(instanceId, bindingId, offering);
  }

  /** {@code GET .../service_bindings/:bid/last_operation}; 410 comes back as gone. */
  @Override
  public OsbResult<LastOperationResponse> lastBindingOperation(
      String instanceId, String bindingId, LastOperationQuery query) {
    return bindings.lastOperation(instanceId, bindingId, query);
  }

  /** {@code GET .../service_bindings/:bid}; empty on 404 (absent or still binding). */
  @Override
  public Optional<BindingDetails> fetchBinding(
      String instanceId, String bindingId, Optional<OfferingIds> hints) {
    return bindings.fetch(instanceId, bindingId, hints);
  }
}
