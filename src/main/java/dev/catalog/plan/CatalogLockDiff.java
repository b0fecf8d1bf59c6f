package dev.catalog.plan;

import dev.catalog.config.CatalogConfig;
import dev.catalog.osb.model.Catalog;
import dev.catalog.plan.CatalogLock.LockedPlan;
import dev.catalog.plan.LockDifference.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Compares the live catalogs with {@code catalog.lock.json}: a catalog whose digest changed, and
 * for each locked service and plan, removal, new ids, changed schemas, maintenance_info and flags;
 * a service or plan the configuration uses that the lock does not list. Only brokers whose catalog
 * was read are compared.
 */
public final class CatalogLockDiff {
  private final List<LockDifference> out = new ArrayList<>();

  private CatalogLockDiff() {}

  public static List<LockDifference> of(
      CatalogLock lock, CatalogConfig config, Map<String, Catalog> catalogs) {
    var diff = new CatalogLockDiff();
    new TreeMap<>(catalogs).forEach((name, catalog) -> diff.broker(lock, config, name, catalog));
    return List.copyOf(diff.out);
  }

  private void broker(CatalogLock lock, CatalogConfig config, String name, Catalog catalog) {
    var subject = "broker \"" + name + "\"";
    var locked = lock.brokers().get(name);
    if (locked == null) {
      add(Kind.BROKER_NOT_LOCKED, subject, "not in " + CatalogLock.FILE_NAME);
      return;
    }
    var digest = CatalogFingerprint.of(catalog);
    if (!digest.equals(locked.catalogDigest())) {
      add(
          Kind.CATALOG_CHANGED,
          subject,
          "catalog changed ("
              + shortDigest(locked.catalogDigest())
              + " -> "
              + shortDigest(digest)
              + ")");
    }
    locked
        .services()
        .forEach(
            (serviceName, service) -> {
              var live = catalog.service(serviceName);
              var serviceSubject = subject + ", service \"" + serviceName + "\"";
              if (live.isEmpty()) {
                add(Kind.SERVICE_REMOVED, serviceSubject, "removed from the catalog");
                return;
              }
              if (!live.get().id().equals(service.id())) {
                add(
                    Kind.ID_CHANGED,
                    serviceSubject,
                    "id " + service.id() + " -> " + live.get().id());
              }
              service
                  .plans()
                  .forEach(
                      (planName, plan) -> {
                        var planSubject = serviceSubject + ", plan \"" + planName + "\"";
                        var livePlan = live.get().plan(planName);
                        if (livePlan.isEmpty()) {
                          add(Kind.PLAN_REMOVED, planSubject, "removed from the catalog");
                        } else {
                          plan(planSubject, plan, CatalogLocks.locked(live.get(), livePlan.get()));
                        }
                      });
            });
    for (var instance : config.instances()) {
      if (!instance.broker().equals(name)) {
        continue;
      }
      var inLock =
          Optional.ofNullable(locked.services().get(instance.service()))
              .map(s -> s.plans().containsKey(instance.plan()))
              .orElse(false);
      var inCatalog =
          catalog.service(instance.service()).flatMap(s -> s.plan(instance.plan())).isPresent();
      var planSubject =
          subject + ", service \"" + instance.service() + "\", plan \"" + instance.plan() + "\"";
      if (!inLock && inCatalog && out.stream().noneMatch(d -> d.subject().equals(planSubject))) {
        add(
            Kind.NOT_LOCKED,
            planSubject,
            "used by instance." + instance.name() + " but not locked");
      }
    }
  }

  private void plan(String subject, LockedPlan locked, LockedPlan live) {
    if (!locked.id().equals(live.id())) {
      add(Kind.ID_CHANGED, subject, "id " + locked.id() + " -> " + live.id());
    }
    schema(subject, "instance create", locked.instanceCreateSchema(), live.instanceCreateSchema());
    schema(subject, "instance update", locked.instanceUpdateSchema(), live.instanceUpdateSchema());
    schema(subject, "binding create", locked.bindingCreateSchema(), live.bindingCreateSchema());
    if (!locked.maintenanceInfoVersion().equals(live.maintenanceInfoVersion())) {
      add(
          Kind.MAINTENANCE_INFO_CHANGED,
          subject,
          "maintenance_info "
              + locked.maintenanceInfoVersion().orElse("(none)")
              + " -> "
              + live.maintenanceInfoVersion().orElse("(none)")
              + direction(locked.maintenanceInfoVersion(), live.maintenanceInfoVersion()));
    }
    flag(subject, "free", locked.free(), live.free());
    flag(subject, "bindable", locked.bindable(), live.bindable());
    flag(subject, "plan_updateable", locked.planUpdateable(), live.planUpdateable());
  }

  private void schema(String subject, String which, Optional<?> locked, Optional<?> live) {
    if (!Objects.equals(locked, live)) {
      var detail =
          locked.isEmpty()
              ? which + " schema added"
              : live.isEmpty() ? which + " schema removed" : which + " schema changed";
      add(Kind.SCHEMA_CHANGED, subject, detail);
    }
  }

  private void flag(String subject, String name, boolean locked, boolean live) {
    if (locked != live) {
      add(Kind.FLAGS_CHANGED, subject, name + " " + locked + " -> " + live);
    }
  }

  private static String direction(Optional<String> locked, Optional<String> live) {
    if (locked.isEmpty() || live.isEmpty()) {
      return "";
    }
    try {
      var cmp = Semver.compare(live.get(), locked.get());
      return cmp > 0 ? " (newer)" : cmp < 0 ? " (older)" : "";
    } catch (RuntimeException e) {
      return "";
    }
  }

  private static String shortDigest(String digest) {
    return digest.length() > 19 ? digest.substring(0, 19) : digest;
  }

  private void add(Kind kind, String subject, String detail) {
    out.add(new LockDifference(kind, subject, detail));
  }
}
