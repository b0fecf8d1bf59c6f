package dev.catalog.plan;

import dev.catalog.config.CatalogConfig;
import dev.catalog.osb.model.Catalog;
import dev.catalog.osb.model.MaintenanceInfo;
import dev.catalog.osb.model.ServiceOffering;
import dev.catalog.osb.model.ServicePlan;
import dev.catalog.plan.CatalogLock.LockedBroker;
import dev.catalog.plan.CatalogLock.LockedPlan;
import dev.catalog.plan.CatalogLock.LockedService;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Builds a {@link CatalogLock} from the live catalogs and what the configuration uses. */
public final class CatalogLocks {
  private CatalogLocks() {}

  /**
   * The lock of {@code catalogs} (by broker name, every configured broker): each catalog's digest,
   * and the services and plans the configuration's instances name that the catalog lists.
   */
  public static CatalogLock of(CatalogConfig config, Map<String, Catalog> catalogs) {
    var brokers = new TreeMap<String, LockedBroker>();
    catalogs.forEach(
        (name, catalog) -> {
          var services = new HashMap<String, Map<String, LockedPlan>>();
          var ids = new HashMap<String, String>();
          for (var instance : config.instances()) {
            if (!instance.broker().equals(name)) {
              continue;
            }
            var service = catalog.service(instance.service());
            var plan = service.flatMap(s -> s.plan(instance.plan()));
            if (plan.isPresent()) {
              ids.put(service.get().name(), service.get().id());
              services
                  .computeIfAbsent(service.get().name(), k -> new TreeMap<>())
                  .put(plan.get().name(), locked(service.get(), plan.get()));
            }
          }
          var locked = new TreeMap<String, LockedService>();
          services.forEach((s, plans) -> locked.put(s, new LockedService(ids.get(s), plans)));
          brokers.put(name, new LockedBroker(CatalogFingerprint.of(catalog), locked));
        });
    return new CatalogLock(brokers);
  }

  static LockedPlan locked(ServiceOffering service, ServicePlan plan) {
    return new LockedPlan(
        plan.id(),
        plan.free(),
        service.bindable(plan),
        service.planUpdateable(plan),
        plan.maintenanceInfo().map(MaintenanceInfo::version),
        plan.schemas().instanceCreate(),
        plan.schemas().instanceUpdate(),
        plan.schemas().bindingCreate());
  }
}
