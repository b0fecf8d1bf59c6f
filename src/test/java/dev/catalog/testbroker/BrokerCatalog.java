package dev.catalog.testbroker;

import java.util.List;
import java.util.Map;
import org.springframework.cloud.servicebroker.model.catalog.Catalog;
import org.springframework.cloud.servicebroker.model.catalog.MaintenanceInfo;
import org.springframework.cloud.servicebroker.model.catalog.MethodSchema;
import org.springframework.cloud.servicebroker.model.catalog.Plan;
import org.springframework.cloud.servicebroker.model.catalog.Schemas;
import org.springframework.cloud.servicebroker.model.catalog.ServiceDefinition;
import org.springframework.cloud.servicebroker.model.catalog.ServiceInstanceSchema;

/**
 * The reference broker's catalog: a sync {@code db}, a {@code queue} provisioned async, and a
 * {@code stream} whose instances are sync but whose bindings are created and deleted async (so
 * {@code bindings_retrievable}: the credentials are fetched with GET once the bind ends).
 */
public final class BrokerCatalog {
  public static final String DB_SERVICE_ID = "3d6e0c9a-0db0-4c7e-9a51-000000000001";
  public static final String DB_SMALL_PLAN_ID = "3d6e0c9a-0db0-4c7e-9a51-000000000011";
  public static final String DB_LARGE_PLAN_ID = "3d6e0c9a-0db0-4c7e-9a51-000000000012";
  public static final String QUEUE_SERVICE_ID = "3d6e0c9a-0db0-4c7e-9a51-000000000002";
  public static final String QUEUE_STANDARD_PLAN_ID = "3d6e0c9a-0db0-4c7e-9a51-000000000021";
  public static final String STREAM_SERVICE_ID = "3d6e0c9a-0db0-4c7e-9a51-000000000003";
  public static final String STREAM_STANDARD_PLAN_ID = "3d6e0c9a-0db0-4c7e-9a51-000000000031";

  private BrokerCatalog() {}

  /** {@code storage_gb}: a required integer, at most 100. */
  static Map<String, Object> dbProvisionSchema() {
    return Map.of(
        "$schema",
        "http://json-schema.org/draft-04/schema#",
        "type",
        "object",
        "required",
        List.of("storage_gb"),
        "properties",
        Map.of(
            "storage_gb",
            Map.of(
                "type",
                "integer",
                "minimum",
                1,
                "maximum",
                100,
                "description",
                "Disk size in GB")));
  }

  static Catalog catalog() {
    var dbSchemas =
        Schemas.builder()
            .serviceInstanceSchema(
                ServiceInstanceSchema.builder()
                    .createMethodSchema(
                        MethodSchema.builder().parameters(dbProvisionSchema()).build())
                    .build())
            .build();
    var db =
        ServiceDefinition.builder()
            .id(DB_SERVICE_ID)
            .name("db")
            .description("A synchronous database")
            .bindable(true)
            .planUpdateable(true)
            .instancesRetrievable(true)
            .bindingsRetrievable(true)
            .metadata("displayName", "Database")
            .plans(
                Plan.builder()
                    .id(DB_SMALL_PLAN_ID)
                    .name("small")
                    .description("1 vCPU, up to 100 GB")
                    .free(true)
                    .schemas(dbSchemas)
                    .maintenanceInfo(MaintenanceInfo.builder().version("1.0.0").build())
                    .build(),
                Plan.builder()
                    .id(DB_LARGE_PLAN_ID)
                    .name("large")
                    .description("4 vCPU, up to 100 GB")
                    .free(false)
                    .schemas(dbSchemas)
                    .build())
            .build();
    var queue =
        ServiceDefinition.builder()
            .id(QUEUE_SERVICE_ID)
            .name("queue")
            .description("An asynchronous message queue")
            .bindable(true)
            .metadata("displayName", "Message Queue")
            .plans(
                Plan.builder()
                    .id(QUEUE_STANDARD_PLAN_ID)
                    .name("standard")
                    .description("Provisioned in the background")
                    .maximumPollingDuration(3600)
                    .build())
            .build();
    var stream =
        ServiceDefinition.builder()
            .id(STREAM_SERVICE_ID)
            .name("stream")
            .description("An event stream whose bindings are created in the background")
            .bindable(true)
            .instancesRetrievable(true)
            .bindingsRetrievable(true)
            .metadata("displayName", "Event Stream")
            .plans(
                Plan.builder()
                    .id(STREAM_STANDARD_PLAN_ID)
                    .name("standard")
                    .description("Bindings created and deleted async")
                    .build())
            .build();
    return Catalog.builder().serviceDefinitions(db, queue, stream).build();
  }
}
