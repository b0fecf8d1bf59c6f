package dev.catalog.testbroker;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.cloud.servicebroker.exception.ServiceInstanceBindingDoesNotExistException;
import org.springframework.cloud.servicebroker.exception.ServiceInstanceBindingExistsException;
import org.springframework.cloud.servicebroker.exception.ServiceInstanceDoesNotExistException;
import org.springframework.cloud.servicebroker.model.binding.CreateServiceInstanceAppBindingResponse;
import org.springframework.cloud.servicebroker.model.binding.CreateServiceInstanceBindingRequest;
import org.springframework.cloud.servicebroker.model.binding.CreateServiceInstanceBindingResponse;
import org.springframework.cloud.servicebroker.model.binding.DeleteServiceInstanceBindingRequest;
import org.springframework.cloud.servicebroker.model.binding.DeleteServiceInstanceBindingResponse;
import org.springframework.cloud.servicebroker.model.binding.GetServiceInstanceAppBindingResponse;
import org.springframework.cloud.servicebroker.model.binding.GetServiceInstanceBindingRequest;
import org.springframework.cloud.servicebroker.model.binding.GetServiceInstanceBindingResponse;
import org.springframework.cloud.servicebroker.service.ServiceInstanceBindingService;
import reactor.core.publisher.Mono;

/**
 * Synchronous bindings with fresh random credentials: {@code uri}, {@code username}, {@code
 * password}.
 */
final class BindingService implements ServiceInstanceBindingService {
  private final BrokerLedger ledger;
  private final SecureRandom random = new SecureRandom();

  BindingService(BrokerLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public Mono<CreateServiceInstanceBindingResponse> createServiceInstanceBinding(
      CreateServiceInstanceBindingRequest request) {
    return Mono.fromCallable(
        () -> {
          synchronized (this) {
            var instanceId = request.getServiceInstanceId();
            ledger
                .instance(instanceId)
                .orElseThrow(() -> new ServiceInstanceDoesNotExistException(instanceId));
            var parameters =
                request.getParameters() == null
                    ? Map.<String, Object>of()
                    : request.getParameters();
            var existing = ledger.binding(request.getBindingId());
            if (existing.isPresent()) {
              if (!existing.get().parameters().equals(parameters)) {
                throw new ServiceInstanceBindingExistsException(instanceId, request.getBindingId());
              }
              return CreateServiceInstanceAppBindingResponse.builder()
                  .bindingExisted(true)
                  .credentials(existing.get().credentials())
                  .build();
            }
            var username = "u-" + token(4);
            var password = token(16);
            Map<String, Object> credentials =
                Map.of(
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
                    credentials));
            return CreateServiceInstanceAppBindingResponse.builder()
                .credentials(credentials)
                .build();
          }
        });
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
  public Mono<DeleteServiceInstanceBindingResponse> deleteServiceInstanceBinding(
      DeleteServiceInstanceBindingRequest request) {
    return Mono.fromCallable(
        () -> {
          ledger
              .removeBinding(request.getBindingId())
              .orElseThrow(
                  () ->
                      new ServiceInstanceBindingDoesNotExistException(
                          request.getBindingId())); // answered 410
          return DeleteServiceInstanceBindingResponse.builder().build();
        });
  }
}
