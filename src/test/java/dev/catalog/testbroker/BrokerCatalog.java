package dev.catalog.testbroker;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
 * {@code bindings_retrievable}: the credentials are fetched with GET once the bind ends); and,
 * under its own prefix, a {@code cache} whose credentials are nested.
 */
public final class BrokerCatalog {
  public static final String DB_SERVICE_ID = "3d6e0c9a-0db0-4c7e-9a51-000000000001";
  public static final String DB_SMALL_PLAN_ID = "3d6e0c9a-0db0-4c7e-9a51-000000000011";
  public static final String DB_LARGE_PLAN_ID = "3d6e0c9a-0db0-4c7e-9a51-000000000012";
  public static final String QUEUE_SERVICE_ID = "3d6e0c9a-0db0-4c7e-9a51-000000000002";
  public static final String QUEUE_STANDARD_PLAN_ID = "3d6e0c9a-0db0-4c7e-9a51-000000000021";
  public static final String STREAM_SERVICE_ID = "3d6e0c9a-0db0-4c7e-9a51-000000000003";
  public static final String STREAM_STANDARD_PLAN_ID = "3d6e0c9a-0db0-4c7e-9a51-000000000031";
  public static final String CACHE_SERVICE_ID = "3d6e0c9a-0db0-4c7e-9a51-000000000004";
  public static final String CACHE_STANDARD_PLAN_ID = "3d6e0c9a-0db0-4c7e-9a51-000000000041";

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

  /**
   * The presentation metadata of the OSB profile: a display name, an image as a data: URL (an SVG
   * badge, so a marketplace page needs no network), a provider and documentation links.
   */
  private static Map<String, Object> presentation(String displayName, String colour, String badge) {
    var svg =
        "<svg xmlns='http://www.w3.org/2000/svg' width='64' height='64'><rect width='64' height='64'"
            + " rx='12' fill='"
            + colour
            + "'/><text x='32' y='41' font-family='sans-serif' font-size='24' fill='#fff'"
            + " text-anchor='middle'>"
            + badge
            + "</text></svg>";
    var image =
        "data:image/svg+xml;base64,"
            + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
    return Map.of(
        "displayName", displayName,
        "imageUrl", image,
        "longDescription", displayName + " run by the platform team, backed up and monitored.",
        "providerDisplayName", "Platform Team",
        "documentationUrl", "https://docs.example.org/" + badge,
        "supportUrl", "https://support.example.org/" + badge);
  }

  private static Map<String, Object> planMetadata(
      String displayName, List<String> bullets, List<Map<String, Object>> costs) {
    return Map.of("displayName", displayName, "bullets", bullets, "costs", costs);
  }

  private static Map<String, Object> monthly(Map<String, Double> amount) {
    return Map.of("amount", amount, "unit", "MONTHLY");
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
            .metadata(presentation("Database", "#1f6feb", "db"))
            .plans(
                Plan.builder()
                    .id(DB_SMALL_PLAN_ID)
                    .name("small")
                    .description("1 vCPU, up to 100 GB")
                    .free(true)
                    .metadata(planMetadata("Small", List.of("1 vCPU", "Daily backups"), List.of()))
                    .schemas(dbSchemas)
                    .maintenanceInfo(MaintenanceInfo.builder().version("1.0.0").build())
                    .build(),
                Plan.builder()
                    .id(DB_LARGE_PLAN_ID)
                    .name("large")
                    .description("4 vCPU, up to 100 GB")
                    .free(false)
                    .metadata(
                        planMetadata(
                            "Large",
                            List.of("4 vCPU", "Daily backups", "Point-in-time recovery"),
                            List.of(monthly(Map.of("usd", 99.0, "eur", 89.0)))))
                    .schemas(dbSchemas)
                    .build())
            .build();
    var queue =
        ServiceDefinition.builder()
            .id(QUEUE_SERVICE_ID)
            .name("queue")
            .description("An asynchronous message queue")
            .bindable(true)
            .metadata(presentation("Message Queue", "#8250df", "mq"))
            .plans(
                Plan.builder()
                    .id(QUEUE_STANDARD_PLAN_ID)
                    .name("standard")
                    .description("Provisioned in the background")
                    .free(false)
                    .metadata(
                        planMetadata(
                            "Standard",
                            List.of("At-least-once delivery"),
                            List.of(monthly(Map.of("usd", 25.0)))))
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
            .metadata(presentation("Event Stream", "#1a7f37", "es"))
            .plans(
                Plan.builder()
                    .id(STREAM_STANDARD_PLAN_ID)
                    .name("standard")
                    .description("Bindings created and deleted async")
                    .build())
            .build();
    return Catalog.builder().serviceDefinitions(db, queue, stream).build();
  }

  /**
   * A sync {@code cache} whose bindings return nested credentials, as real brokers do (issue 13):
   * {@code {"hosts": [{"name", "port"}, ...], "tls": {"ca"}, "username", "password"}}. Offered only
   * under the {@code /nested} prefix, so the catalog every other test reads stays as it was.
   */
  static ServiceDefinition cache() {
    return ServiceDefinition.builder()
        .id(CACHE_SERVICE_ID)
        .name("cache")
        .description("A cache cluster whose credentials are nested")
        .bindable(true)
        .instancesRetrievable(true)
        .bindingsRetrievable(true)
        .plans(
            Plan.builder()
                .id(CACHE_STANDARD_PLAN_ID)
                .name("standard")
                .description("Two nodes with TLS")
                .free(true)
                .build())
        .build();
  }
}
