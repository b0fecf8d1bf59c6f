package dev.catalog.testbroker;

import dev.catalog.testbroker.BrokerLedger.Operation;
import dev.catalog.testbroker.LedgerInstance.Status;
import java.util.Map;
import java.util.Objects;
import org.springframework.cloud.servicebroker.exception.ServiceBrokerAsyncRequiredException;
import org.springframework.cloud.servicebroker.exception.ServiceBrokerInvalidParametersException;
import org.springframework.cloud.servicebroker.exception.ServiceInstanceDoesNotExistException;
import org.springframework.cloud.servicebroker.exception.ServiceInstanceExistsException;
import org.springframework.cloud.servicebroker.model.instance.CreateServiceInstanceRequest;
import org.springframework.cloud.servicebroker.model.instance.CreateServiceInstanceResponse;
import org.springframework.cloud.servicebroker.model.instance.DeleteServiceInstanceRequest;
import org.springframework.cloud.servicebroker.model.instance.DeleteServiceInstanceResponse;
import org.springframework.cloud.servicebroker.model.instance.GetLastServiceOperationRequest;
import org.springframework.cloud.servicebroker.model.instance.GetLastServiceOperationResponse;
import org.springframework.cloud.servicebroker.model.instance.GetServiceInstanceRequest;
import org.springframework.cloud.servicebroker.model.instance.GetServiceInstanceResponse;
import org.springframework.cloud.servicebroker.model.instance.OperationState;
import org.springframework.cloud.servicebroker.model.instance.UpdateServiceInstanceRequest;
import org.springframework.cloud.servicebroker.model.instance.UpdateServiceInstanceResponse;
import org.springframework.cloud.servicebroker.service.ServiceInstanceService;
import reactor.core.publisher.Mono;

/** Instances: {@code db} is synchronous, {@code queue} provisions and deprovisions async. */
final class InstanceService implements ServiceInstanceService {
  private final BrokerLedger ledger;

  InstanceService(BrokerLedger ledger) {
    this.ledger = ledger;
  }

  private static boolean isAsync(String serviceId) {
    return BrokerCatalog.QUEUE_SERVICE_ID.equals(serviceId);
  }

  @Override
  public Mono<CreateServiceInstanceResponse> createServiceInstance(
      CreateServiceInstanceRequest request) {
    return Mono.fromCallable(() -> create(request));
  }

  private synchronized CreateServiceInstanceResponse create(CreateServiceInstanceRequest request) {
    var id = request.getServiceInstanceId();
    var parameters =
        request.getParameters() == null ? Map.<String, Object>of() : request.getParameters();
    var existing = ledger.instance(id);
    if (existing.isPresent()) {
      var same =
          existing.get().planId().equals(request.getPlanId())
              && existing.get().parameters().equals(parameters);
      if (!same) {
        throw new ServiceInstanceExistsException(id, request.getServiceDefinitionId());
      }
      return CreateServiceInstanceResponse.builder().instanceExisted(true).build();
    }
    if (BrokerCatalog.DB_SERVICE_ID.equals(request.getServiceDefinitionId())) {
      checkStorage(parameters);
    }
    var async = isAsync(request.getServiceDefinitionId());
    if (async && !request.isAsyncAccepted()) {
      throw new ServiceBrokerAsyncRequiredException("queue instances are provisioned async");
    }
    ledger.put(
        new LedgerInstance(
            id,
            request.getServiceDefinitionId(),
            request.getPlanId(),
            parameters,
            async ? Status.CREATING : Status.READY));
    var response =
        CreateServiceInstanceResponse.builder()
            .dashboardUrl("http://dashboard.example/instances/" + id);
    if (async) {
      response.async(true).operation(ledger.startAsync(id, Operation.Kind.PROVISION));
    }
    return response.build();
  }

  private static void checkStorage(Map<String, Object> parameters) {
    var storage = parameters.get("storage_gb");
    if (!(storage instanceof Integer gb)) {
      throw new ServiceBrokerInvalidParametersException("storage_gb must be an integer");
    }
    if (gb > 100) {
      throw new ServiceBrokerInvalidParametersException("storage_gb must be at most 100");
    }
  }

  @Override
  public Mono<UpdateServiceInstanceResponse> updateServiceInstance(
      UpdateServiceInstanceRequest request) {
    return Mono.fromCallable(
        () -> {
          synchronized (this) {
            var id = request.getServiceInstanceId();
            var current =
                ledger.instance(id).orElseThrow(() -> new ServiceInstanceDoesNotExistException(id));
            var plan = request.getPlanId() == null ? current.planId() : request.getPlanId();
            var parameters =
                request.getParameters() == null || request.getParameters().isEmpty()
                    ? current.parameters()
                    : request.getParameters();
            if (!Objects.equals(parameters, current.parameters())) {
              checkStorage(parameters);
            }
            ledger.put(new LedgerInstance(id, current.serviceId(), plan, parameters, Status.READY));
            return UpdateServiceInstanceResponse.builder().build();
          }
        });
  }

  @Override
  public Mono<DeleteServiceInstanceResponse> deleteServiceInstance(
      DeleteServiceInstanceRequest request) {
    return Mono.fromCallable(
        () -> {
          synchronized (this) {
            var id = request.getServiceInstanceId();
            var current =
                ledger
                    .instance(id)
                    .orElseThrow(
                        () -> new ServiceInstanceDoesNotExistException(id)); // answered 410
            if (!isAsync(current.serviceId())) {
              ledger.remove(id);
              return DeleteServiceInstanceResponse.builder().build();
            }
            if (!request.isAsyncAccepted()) {
              throw new ServiceBrokerAsyncRequiredException("queue instances are deleted async");
            }
            ledger.put(current.with(Status.DELETING));
            return DeleteServiceInstanceResponse.builder()
                .async(true)
                .operation(ledger.startAsync(id, Operation.Kind.DEPROVISION))
                .build();
          }
        });
  }

  @Override
  public Mono<GetLastServiceOperationResponse> getLastOperation(
      GetLastServiceOperationRequest request) {
    return Mono.fromCallable(() -> lastOperation(request.getServiceInstanceId()));
  }

  private synchronized GetLastServiceOperationResponse lastOperation(String id) {
    var operation =
        ledger.operation(id).orElseThrow(() -> new ServiceInstanceDoesNotExistException(id));
    var deleting = operation.kind() == Operation.Kind.DEPROVISION;
    var response = GetLastServiceOperationResponse.builder().deleteOperation(deleting);
    if (!ledger.finished(operation)) {
      return response
          .operationState(OperationState.IN_PROGRESS)
          .description(deleting ? "deleting" : "creating")
          .build();
    }
    if (operation.fails()) {
      ledger.instance(id).ifPresent(i -> ledger.put(i.with(Status.FAILED)));
      return response
          .deleteOperation(false)
          .operationState(OperationState.FAILED)
          .description("injected async failure")
          .build();
    }
    if (deleting) {
      ledger.remove(id); // a succeeded delete is answered 410 Gone by Spring
    } else {
      ledger.instance(id).ifPresent(i -> ledger.put(i.with(Status.READY)));
    }
    return response.operationState(OperationState.SUCCEEDED).description("done").build();
  }

  @Override
  public Mono<GetServiceInstanceResponse> getServiceInstance(GetServiceInstanceRequest request) {
    return Mono.fromCallable(
        () -> {
          var id = request.getServiceInstanceId();
          var instance =
              ledger.instance(id).orElseThrow(() -> new ServiceInstanceDoesNotExistException(id));
          return GetServiceInstanceResponse.builder()
              .serviceDefinitionId(instance.serviceId())
              .planId(instance.planId())
              .dashboardUrl("http://dashboard.example/instances/" + id)
              .parameters(instance.parameters())
              .build();
        });
  }
}
