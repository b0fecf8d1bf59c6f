package dev.catalog.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.FrozenJson;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code catalog.lock.json}: per broker, the digest of its catalog and, for the services and plans
 * the configuration uses, what plans and validation depend on (docs/lock.md). Reviewed in Git like
 * any other change; {@code validate} checks parameters against it offline.
 *
 * @param brokers by broker name, sorted
 */
public record CatalogLock(Map<String, LockedBroker> brokers) {
  /** The lock file's name, beside the configuration. */
  public static final String FILE_NAME = "catalog.lock.json";

  public CatalogLock {
    brokers = Collections.unmodifiableMap(new TreeMap<>(brokers));
  }

  /** One broker: its catalog digest ({@link CatalogFingerprint}) and the services used. */
  public record LockedBroker(String catalogDigest, Map<String, LockedService> services) {
    public LockedBroker {
      Objects.requireNonNull(catalogDigest, "catalogDigest");
      services = Collections.unmodifiableMap(new TreeMap<>(services));
    }
  }

  /** A service by name: its id and the plans used. */
  public record LockedService(String id, Map<String, LockedPlan> plans) {
    public LockedService {
      Objects.requireNonNull(id, "id");
      plans = Collections.unmodifiableMap(new TreeMap<>(plans));
    }
  }

  /**
   * A plan by name: its id, flags as the catalog resolves them, maintenance_info version and the
   * three parameter schemas.
   */
  public record LockedPlan(
      String id,
      boolean free,
      boolean bindable,
      boolean planUpdateable,
      Optional<String> maintenanceInfoVersion,
      Optional<JsonNode> instanceCreateSchema,
      Optional<JsonNode> instanceUpdateSchema,
      Optional<JsonNode> bindingCreateSchema) {
    public LockedPlan {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(maintenanceInfoVersion, "maintenanceInfoVersion");
      instanceCreateSchema = instanceCreateSchema.map(FrozenJson::freeze);
      instanceUpdateSchema = instanceUpdateSchema.map(FrozenJson::freeze);
      bindingCreateSchema = bindingCreateSchema.map(FrozenJson::freeze);
    }
  }
}
