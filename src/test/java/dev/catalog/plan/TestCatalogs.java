package dev.catalog.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.osb.model.Catalog;
import dev.catalog.osb.model.MaintenanceInfo;
import dev.catalog.osb.model.PlanCost;
import dev.catalog.osb.model.PlanMetadata;
import dev.catalog.osb.model.PlanSchemas;
import dev.catalog.osb.model.ServiceOffering;
import dev.catalog.osb.model.ServicePlan;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Catalogs of two brokers, built in code, for planner and renderer tests. */
public final class TestCatalogs {
  /** The {@code db} schema: storage_gb an integer up to 100, admin_password a password. */
  static final JsonNode DB_SCHEMA =
      RecordedFixture.json(
          """
          {"$schema": "http://json-schema.org/draft-04/schema#", "type": "object",
           "properties": {"storage_gb": {"type": "integer", "maximum": 100},
                          "admin_password": {"type": "string", "format": "password"}}}""");

  private TestCatalogs() {}

  /**
   * acme: db (updateable, retrievable, context updates), cache (not updateable), log (not
   * bindable).
   */
  public static Catalog acme() {
    var schemas = new PlanSchemas(Optional.of(DB_SCHEMA), Optional.empty(), Optional.empty());
    var small =
        withCosts(
            plan("plan-db-small", "small", schemas, Optional.of("1.1.0")), Map.of("USD", "10"));
    var large =
        withCosts(
            plan("plan-db-large", "large", schemas, Optional.empty()),
            Map.of("USD", "99", "EUR", "89.50"));
    var db =
        new ServiceOffering(
            "svc-db",
            "db",
            "Databases",
            true,
            Optional.of(true),
            true,
            true,
            true,
            List.of(),
            List.of(),
            Optional.empty(),
            List.of(small, large));
    var cache =
        new ServiceOffering(
            "svc-cache",
            "cache",
            "Caches",
            true,
            Optional.of(false),
            false,
            false,
            false,
            List.of(),
            List.of(),
            Optional.empty(),
            List.of(
                plan("plan-cache-basic", "basic", PlanSchemas.NONE, Optional.empty()),
                plan("plan-cache-premium", "premium", PlanSchemas.NONE, Optional.empty())));
    var log =
        new ServiceOffering(
            "svc-log",
            "log",
            "Logs",
            false,
            Optional.empty(),
            false,
            false,
            false,
            List.of(),
            List.of(),
            Optional.empty(),
            List.of(plan("plan-log-std", "std", PlanSchemas.NONE, Optional.empty())));
    return new Catalog(List.of(db, cache, log));
  }

  /** beta: a db service of its own. */
  public static Catalog beta() {
    var small = plan("plan-beta-small", "small", PlanSchemas.NONE, Optional.empty());
    return new Catalog(
        List.of(
            new ServiceOffering(
                "svc-beta-db",
                "db",
                "Databases",
                true,
                Optional.of(true),
                true,
                true,
                false,
                List.of(),
                List.of(),
                Optional.empty(),
                List.of(small))));
  }

  /** Both, by broker name. */
  public static Map<String, Catalog> both() {
    return Map.of("acme", acme(), "beta", beta());
  }

  /** The plan with a MONTHLY cost in each currency given, as the OSB profile's metadata.costs. */
  static ServicePlan withCosts(ServicePlan p, Map<String, String> monthly) {
    var amounts = new TreeMap<String, BigDecimal>();
    monthly.forEach((currency, amount) -> amounts.put(currency, new BigDecimal(amount)));
    return new ServicePlan(
        p.id(),
        p.name(),
        p.description(),
        false,
        p.bindable(),
        p.planUpdateable(),
        p.bindingRotatable(),
        p.maintenanceInfo(),
        p.maximumPollingDuration(),
        p.schemas(),
        p.displayName(),
        new PlanMetadata(List.of(new PlanCost(amounts, "MONTHLY")), List.of()));
  }

  private static ServicePlan plan(
      String id, String name, PlanSchemas schemas, Optional<String> maintenance) {
    return new ServicePlan(
        id,
        name,
        name + " plan",
        true,
        Optional.empty(),
        Optional.empty(),
        false,
        maintenance.map(v -> new MaintenanceInfo(v, Optional.of("security fixes"))),
        Optional.empty(),
        schemas,
        Optional.empty());
  }
}
