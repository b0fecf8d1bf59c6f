package dev.catalog.testbroker;

import dev.catalog.testbroker.BrokerLedger.Operation;
import dev.catalog.testbroker.LedgerInstance.Status;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.cloud.servicebroker.exception.ServiceBrokerAsyncRequiredException;
import org.springframework.cloud.servicebroker.exception.ServiceInstanceBindingDoesNotExistException;
import org.springframework.cloud.servicebroker.exception.ServiceInstanceBindingExistsException;
import org.springframework.cloud.servicebroker.exception.ServiceInstanceDoesNotExistException;
import org.springframework.cloud.servicebroker.model.binding.CreateServiceInstanceAppBindingResponse;
import org.springframework.cloud.servicebroker.model.binding.CreateServiceInstanceBindingRequest;
import org.springframework.cloud.servicebroker.model.binding.CreateServiceInstanceBindingResponse;
import org.springframework.cloud.servicebroker.model.binding.DeleteServiceInstanceBindingRequest;
import org.springframework.cloud.servicebroker.model.binding.DeleteServiceInstanceBindingResponse;
import org.springframework.cloud.servicebroker.model.binding.GetLastServiceBindingOperationRequest;
import org.springframework.cloud.servicebroker.model.binding.GetLastServiceBindingOperationResponse;
import org.springframework.cloud.servicebroker.model.binding.GetServiceInstanceAppBindingResponse;
import org.springframework.cloud.servicebroker.model.binding.GetServiceInstanceBindingRequest;
import org.springframework.cloud.servicebroker.model.binding.GetServiceInstanceBindingResponse;
import org.springframework.cloud.servicebroker.model.instance.OperationState;
import org.springframework.cloud.servicebroker.service.ServiceInstanceBindingService;
import reactor.core.publisher.Mono;

/**
 * Bindings with fresh random credentials ({@code uri}, {@code username}, {@code password}; nested
 * hosts, a TLS CA, username and password for {@code cache}):
 * synchronous for {@code db} and {@code queue}; for {@code stream} bind and unbind answer 202 and
 * end when polled after the ledger's async duration, and the credentials are only to be had from a
 * GET of the finished binding (OSB: a 202 carries none).
 */
final class BindingService implements ServiceInstanceBindingService {
  private final BrokerLedger ledger;
  private final SecureRandom random = new SecureRandom();

  BindingService(BrokerLedger ledger) {
    this.ledger = ledger;
  }

  private static boolean isAsync(String serviceId) {
    return BrokerCatalog.STREAM_SERVICE_ID.equals(serviceId);
  }

  @Override
  public Mono<CreateServiceInstanceBindingResponse> createServiceInstanceBinding(
      CreateServiceInstanceBindingRequest request) {
    return Mono.fromCallable(() -> create(request));
  }

  private synchronized CreateServiceInstanceBindingResponse create(
      CreateServiceInstanceBindingRequest request) {
    var instanceId = request.getServiceInstanceId();
    ledger
        .instance(instanceId)
        .orElseThrow(() -> new ServiceInstanceDoesNotExistException(instanceId));
    var parameters =
        request.getParameters() == null ? Map.<String, Object>of() : request.getParameters();
    var async = isAsync(request.getServiceDefinitionId());
    if (async && !request.isAsyncAccepted()) {
      throw new ServiceBrokerAsyncRequiredException("stream bindings are created async");
    }
    var existing = ledger.binding(request.getBindingId());
    if (existing.isPresent()) {
      if (!existing.get().parameters().equals(parameters)) {
        throw new ServiceInstanceBindingExistsException(instanceId, request.getBindingId());
      }
      if (existing.get().status() == Status.CREATING) {
        // The same bind again while it runs: 202 with the same operation (OSB spec, bind).
        var running = ledger.bindingOperation(request.getBindingId()).orElseThrow();
        return CreateServiceInstanceAppBindingResponse.builder()
            .async(true)
            .operation(running.id())
            .build();
      }
      return CreateServiceInstanceAppBindingResponse.builder()
          .bindingExisted(true)
          .credentials(existing.get().credentials())
          .build();
    }
    var username = "u-" + token(4);
    var password = token(16);
    Map<String, Object> credentials =
        BrokerCatalog.CACHE_SERVICE_ID.equals(request.getServiceDefinitionId())
            ? nested(instanceId, username, password, parameters)
            : Map.of(
                "uri",
                "db://" + username + ":" + password + "@db.example:5432/" + instanceId,
                "username",
                username,
                "password",
                password);
    ledger.put(
        new LedgerBinding(
            request.getBindingId(),
            instanceId,
            request.getServiceDefinitionId(),
            request.getPlanId(),
            parameters,
            credentials,
            async ? Status.CREATING : Status.READY));
    if (async) {
      return CreateServiceInstanceAppBindingResponse.builder()
          .async(true)
          .operation(ledger.startBindingAsync(request.getBindingId(), Operation.Kind.BIND))
          .build();
    }
    return CreateServiceInstanceAppBindingResponse.builder().credentials(credentials).build();
  }

  /**
   * A cache's credentials, nested as real brokers return them. The binding parameter {@code
   * extra_key} adds a credential of that name (holding a fresh secret), for tests of keys a sink
   * cannot hold.
   */
  private Map<String, Object> nested(
      String instanceId, String username, String password, Map<String, Object> parameters) {
    var credentials = new java.util.LinkedHashMap<String, Object>();
    credentials.put(
        "hosts",
        java.util.List.of(
            Map.of("name", "cache-0." + instanceId + ".example", "port", 6379),
            Map.of("name", "cache-1." + instanceId + ".example", "port", 6380)));
    credentials.put(
        "tls",
        Map.of(
            "ca",
            "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getEncoder().encodeToString(token(48).getBytes())
                + "\n-----END CERTIFICATE-----\n"));
    credentials.put("username", username);
    credentials.put("password", password);
    if (parameters.get("extra_key") instanceof String extra) {
      credentials.put(extra, token(16));
    }
    return java.util.Collections.unmodifiableMap(credentials);
  }

  private String token(int bytes) {
    var buffer = new byte[bytes];
    random.nextBytes(buffer);
    return HexFormat.of().formatHex(buffer);
  }

  @Override
  public Mono<GetServiceInstanceBindingResponse> getServiceInstanceBinding(
      GetServiceInstanceBindingRequest request) {
    return Mono.fromCallable(
        () -> {
          var binding =
              ledger
                  .binding(request.getBindingId())
                  .filter(b -> b.status() != Status.CREATING) // in progress: 404 (F-08)
                  .orElseThrow(
                      () ->
                          new ServiceInstanceBindingDoesNotExistException(request.getBindingId()));
          return GetServiceInstanceAppBindingResponse.builder()
              .credentials(binding.credentials())
              .parameters(binding.parameters())
              .build();
        });
  }

  @Override
  public Mono<GetLastServiceBindingOperationResponse> getLastOperation(
      GetLastServiceBindingOperationRequest request) {
    return Mono.fromCallable(() -> lastOperation(request.getBindingId()));
  }

  private synchronized GetLastServiceBindingOperationResponse lastOperation(String bindingId) {
    var operation =
        ledger
            .bindingOperation(bindingId)
            .orElseThrow(() -> new ServiceInstanceBindingDoesNotExistException(bindingId));
    var unbinding = operation.kind() == Operation.Kind.UNBIND;
    var response = GetLastServiceBindingOperationResponse.builder();
    if (!ledger.finished(operation)) {
      return response
          .operationState(OperationState.IN_PROGRESS)
          .description(unbinding ? "unbinding" : "binding")
          .build();
    }
    if (operation.fails()) {
      ledger.binding(bindingId).ifPresent(b -> ledger.put(b.with(Status.FAILED)));
      return response
          .operationState(OperationState.FAILED)
          .description("injected async failure")
          .build();
    }
    if (unbinding) {
      ledger.removeBinding(bindingId);
    } else {
      ledger.binding(bindingId).ifPresent(b -> ledger.put(b.with(Status.READY)));
    }
    return response.operationState(OperationState.SUCCEEDED).description("done").build();
  }

  @Override
  public Mono<DeleteServiceInstanceBindingResponse> deleteServiceInstanceBinding(
      DeleteServiceInstanceBindingRequest request) {
    return Mono.fromCallable(() -> delete(request));
  }

  private synchronized DeleteServiceInstanceBindingResponse delete(
      DeleteServiceInstanceBindingRequest request) {
    var bindingId = request.getBindingId();
    var current =
        ledger
            .binding(bindingId)
            .orElseThrow(
                () -> new ServiceInstanceBindingDoesNotExistException(bindingId)); // answered 410
    if (!isAsync(current.serviceId())) {
      ledger.removeBinding(bindingId);
      return DeleteServiceInstanceBindingResponse.builder().build();
    }
    if (!request.isAsyncAccepted()) {
      throw new ServiceBrokerAsyncRequiredException("stream bindings are deleted async");
    }
    ledger.put(current.with(Status.DELETING));
    return DeleteServiceInstanceBindingResponse.builder()
        .async(true)
        .operation(ledger.startBindingAsync(bindingId, Operation.Kind.UNBIND))
        .build();
  }
}
