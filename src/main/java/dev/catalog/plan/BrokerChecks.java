package dev.catalog.plan;

import dev.catalog.CatalogException;
import dev.catalog.config.Broker;
import dev.catalog.config.CatalogConfig;
import dev.catalog.osb.model.Catalog;
import dev.catalog.state.Address;
import dev.catalog.state.InstanceState;
import dev.catalog.state.ResourceState;
import dev.catalog.state.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Plan-time checks about brokers: removal from the configuration and catalog changes. */
final class BrokerChecks {
  private BrokerChecks() {}

  /** A broker still holding recorded resources cannot be removed from the configuration. */
  static void refuseRemovedBrokers(CatalogConfig config, State state) {
    var configured = config.brokers().stream().map(Broker::name).collect(Collectors.toSet());
    var orphaned = new TreeMap<String, List<String>>();
    for (var r : state.resources().values()) {
      if (!configured.contains(r.broker())) {
        orphaned.computeIfAbsent(r.broker(), b -> new ArrayList<>()).add(r.address().toString());
      }
    }
    if (orphaned.isEmpty()) {
      return;
    }
    var lines =
        orphaned.entrySet().stream()
            .map(
                e ->
                    "broker \""
                        + e.getKey()
                        + "\" is no longer in the configuration, but state still"
                        + " holds "
                        + String.join(", ", e.getValue())
                        + " there")
            .collect(Collectors.joining("\n"));
    throw new CatalogException(
        lines
            + "\n"
            + "Keep the broker until its resources are deleted (remove them from the configuration"
            + " and apply), or forget them with \"catalog state rm ADDR\".");
  }

  /**
   * With {@code --refresh=false}, the brokers whose catalog is still needed: those with a declared
   * instance whose service and plan names state does not pin. Notes say which.
   */
  static Set<String> catalogsNeededWithoutRefresh(
      CatalogConfig config, State state, List<String> notes) {
    var needed = new TreeSet<String>();
    for (var instance : config.instances()) {
      var recorded =
          state
              .resource(Address.instance(instance.name()))
              .filter(InstanceState.class::isInstance)
              .map(InstanceState.class::cast);
      var pinned =
          recorded
              .filter(
                  r ->
                      r.broker().equals(instance.broker())
                          && r.service().name().equals(instance.service())
                          && r.plan().name().equals(instance.plan()))
              .isPresent();
      if (!pinned) {
        needed.add(instance.broker());
      }
    }
    if (needed.isEmpty()) {
      notes.add("--refresh=false: no catalog was read; service and plan ids come from state");
    } else {
      notes.add(
          "--refresh=false: catalogs read only to resolve names state does not pin: "
              + String.join(", ", needed));
    }
    return needed;
  }

  /** Notes for brokers whose catalog changed since it was recorded, naming affected instances. */
  static List<String> catalogChanges(
      CatalogConfig config, State state, Map<String, Catalog> catalogs) {
    var notes = new ArrayList<String>();
    catalogs.forEach(
        (name, catalog) -> {
          var record = state.brokers().get(name);
          if (record == null
              || record.catalogFingerprint().equals(CatalogFingerprint.of(catalog))) {
            return;
          }
          var affected = new ArrayList<String>();
          for (ResourceState r : state.resources().values()) {
            if (r instanceof InstanceState i && i.broker().equals(name)) {
              affected(i, catalog).ifPresent(why -> affected.add(i.address() + " (" + why + ")"));
            }
          }
          notes.add(
              "broker \""
                  + name
                  + "\": the catalog changed since the last apply; "
                  + (affected.isEmpty()
                      ? "no recorded instance is affected"
                      : "affects " + String.join(", ", affected)));
        });
    return notes;
  }

  private static java.util.Optional<String> affected(InstanceState i, Catalog catalog) {
    var service = catalog.serviceById(i.service().id());
    if (service.isEmpty()) {
      return java.util.Optional.of("service \"" + i.service().name() + "\" removed");
    }
    var plan = service.get().planById(i.plan().id());
    if (plan.isEmpty()) {
      return java.util.Optional.of("plan \"" + i.plan().name() + "\" removed");
    }
    var offered = plan.get().maintenanceInfo().map(m -> m.version());
    if (offered.isPresent()
        && i.maintenanceInfoVersion().isPresent()
        && Semver.compare(offered.get(), i.maintenanceInfoVersion().get()) > 0) {
      return java.util.Optional.of(
          "maintenance_info " + i.maintenanceInfoVersion().get() + " -> " + offered.get());
    }
    return java.util.Optional.empty();
  }
}
