package dev.catalog.plan;

import dev.catalog.config.Diagnostic;
import dev.catalog.config.Instance;
import dev.catalog.config.Suggestions;
import dev.catalog.osb.model.Catalog;
import dev.catalog.osb.model.PlanSchemas;
import dev.catalog.osb.model.ServiceOffering;
import dev.catalog.osb.model.ServicePlan;
import dev.catalog.state.InstanceState;
import dev.catalog.state.OfferingRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds one instance's offering and plan by name. Names are compared case-sensitively (checklist
 * C-05). When the catalog no longer lists them, or was not read ({@code --refresh=false}), an
 * instance already recorded under the same names keeps its recorded ids (C-03, C-17).
 */
final class CatalogLookup {
  /** The offering and plan found. */
  record Found(ServiceOffering service, ServicePlan plan) {}

  private final Instance instance;
  private final Catalog catalog;
  private final Optional<InstanceState> previous;
  private final Map<List<OfferingRef>, Found> rebuilt;

  /**
   * @param rebuilt offerings and plans already rebuilt from state, by recorded service and plan,
   *     shared by the lookups of one resolution: one pair per distinct plan instead of one per
   *     instance (issue 7: 100,000 instances planned without refresh)
   */
  CatalogLookup(
      Instance instance,
      Catalog catalog,
      Optional<InstanceState> previous,
      Map<List<OfferingRef>, Found> rebuilt) {
    this.instance = instance;
    this.catalog = catalog;
    this.previous = previous;
    this.rebuilt = rebuilt;
  }

  Optional<Found> resolve(List<Diagnostic> problems, List<String> notes) {
    var pinned =
        previous.filter(
            p ->
                p.broker().equals(instance.broker())
                    && p.service().name().equals(instance.service())
                    && p.plan().name().equals(instance.plan()));
    var address = "instance." + instance.name();
    if (catalog == null) {
      if (pinned.isPresent()) {
        return Optional.of(fromState(pinned.get()));
      }
      problems.add(
          error("service", "the catalog of broker \"" + instance.broker() + "\" was not read", ""));
      return Optional.empty();
    }
    var services =
        catalog.services().stream().filter(s -> s.name().equals(instance.service())).toList();
    if (services.size() > 1) {
      problems.add(
          error(
              "service",
              "service name \""
                  + instance.service()
                  + "\" is ambiguous on broker \""
                  + instance.broker()
                  + "\": "
                  + services.size()
                  + " offerings have it",
              "ask the broker's owner to fix the catalog"));
      return Optional.empty();
    }
    if (services.isEmpty()) {
      if (pinned.isPresent()) {
        notes.add(
            "broker \""
                + instance.broker()
                + "\": "
                + address
                + ": service \""
                + instance.service()
                + "\" is no longer in its catalog; the instance keeps its recorded ids, but could"
                + " not be created again");
        return Optional.of(fromState(pinned.get()));
      }
      var names = catalog.services().stream().map(ServiceOffering::name).toList();
      problems.add(
          error(
              "service",
              "unknown service \""
                  + instance.service()
                  + "\" on broker \""
                  + instance.broker()
                  + "\"",
              Suggestions.hint(instance.service(), names)));
      return Optional.empty();
    }
    var service = services.get(0);
    var plans = service.plans().stream().filter(p -> p.name().equals(instance.plan())).toList();
    if (plans.size() == 1) {
      return Optional.of(new Found(service, plans.get(0)));
    }
    if (plans.size() > 1) {
      problems.add(
          error(
              "plan",
              "plan name \""
                  + instance.plan()
                  + "\" is ambiguous in service \""
                  + service.name()
                  + "\": "
                  + plans.size()
                  + " plans have it",
              "ask the broker's owner to fix the catalog"));
      return Optional.empty();
    }
    if (pinned.isPresent()) {
      notes.add(
          "broker \""
              + instance.broker()
              + "\": "
              + address
              + ": plan \""
              + instance.plan()
              + "\" is no longer in its catalog; the instance keeps its recorded ids, but could"
              + " not be created again");
      return Optional.of(new Found(service, fromState(pinned.get()).plan()));
    }
    var names = service.plans().stream().map(ServicePlan::name).toList();
    var changing = previous.isPresent() && previous.get().service().id().equals(service.id());
    var message =
        changing
            ? "plan \""
                + instance.plan()
                + "\" does not exist in service \""
                + service.name()
                + "\" of broker \""
                + instance.broker()
                + "\", so the instance cannot change to it"
            : "unknown plan \""
                + instance.plan()
                + "\" for service \""
                + service.name()
                + "\" on broker \""
                + instance.broker()
                + "\"";
    problems.add(error("plan", message, Suggestions.hint(instance.plan(), names)));
    return Optional.empty();
  }

  private Diagnostic error(String field, String message, String hint) {
    return Diagnostic.at(instance.source(), field, message, hint);
  }

  /** An offering and plan rebuilt from state: nothing is known of their flags and schemas. */
  private Found fromState(InstanceState state) {
    return rebuilt.computeIfAbsent(
        List.of(state.service(), state.plan()), k -> rebuild(state));
  }

  private static Found rebuild(InstanceState state) {
    var plan =
        new ServicePlan(
            state.plan().id(),
            state.plan().name(),
            "",
            true,
            Optional.empty(),
            Optional.empty(),
            false,
            Optional.empty(),
            Optional.empty(),
            PlanSchemas.NONE,
            Optional.empty());
    var service =
        new ServiceOffering(
            state.service().id(),
            state.service().name(),
            "",
            true,
            Optional.empty(),
            false,
            false,
            false,
            List.of(),
            List.of(),
            Optional.empty(),
            List.of(plan));
    return new Found(service, plan);
  }
}
