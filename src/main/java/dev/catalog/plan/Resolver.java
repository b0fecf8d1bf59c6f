package dev.catalog.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.SensitiveJson;
import dev.catalog.config.Binding;
import dev.catalog.config.CatalogConfig;
import dev.catalog.config.ConfigException;
import dev.catalog.config.ConfigObject;
import dev.catalog.config.Diagnostic;
import dev.catalog.config.Instance;
import dev.catalog.config.SecretRef;
import dev.catalog.osb.model.Catalog;
import dev.catalog.state.Address;
import dev.catalog.state.InstanceState;
import dev.catalog.state.OfferingRef;
import dev.catalog.state.State;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves declared service and plan names to catalog ids (case-sensitively, checklist C-05),
 * merges {@code parametersFrom} over parameters, validates them against the plan's schema (C-14)
 * and refuses bindings of non-bindable plans (B-01). Every problem is collected and reported in one
 * {@link ConfigException}, before anything is sent to a broker.
 */
public final class Resolver {
  private final Map<String, Catalog> catalogs;
  private final State recorded;
  private final Function<SecretRef, SensitiveJson> secrets;
  private final Map<List<OfferingRef>, CatalogLookup.Found> rebuilt = new HashMap<>();

  /**
   * @param catalogs catalogs by broker name; a broker may be missing when state pins the ids of all
   *     its instances ({@code --refresh=false})
   * @param recorded the recorded state, whose ids keep working for plans gone from the catalog
   *     (C-17)
   * @param secrets reads a {@code parametersFrom} reference
   */
  public Resolver(
      Map<String, Catalog> catalogs, State recorded, Function<SecretRef, SensitiveJson> secrets) {
    this.catalogs = Map.copyOf(catalogs);
    this.recorded = recorded;
    this.secrets = secrets;
  }

  /** Resolves everything declared, or throws with every problem found. */
  public Resolution resolve(CatalogConfig config) {
    var problems = new ArrayList<Diagnostic>();
    var notes = new ArrayList<String>();
    var instances = new HashMap<String, DesiredInstance>();
    for (var instance : config.instances()) {
      resolveInstance(instance, problems, notes)
          .ifPresent(d -> instances.put(d.config().name(), d));
    }
    var bindings = new HashMap<String, DesiredBinding>();
    for (var binding : config.bindings()) {
      var instance = instances.get(binding.instance());
      if (instance != null) {
        resolveBinding(binding, instance, problems, notes)
            .ifPresent(d -> bindings.put(binding.name(), d));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new Resolution(instances, bindings, notes);
  }

  private Optional<DesiredInstance> resolveInstance(
      Instance instance, List<Diagnostic> problems, List<String> notes) {
    var previous =
        recorded
            .resource(Address.instance(instance.name()))
            .filter(InstanceState.class::isInstance)
            .map(InstanceState.class::cast);
    var lookup = new CatalogLookup(instance, catalogs.get(instance.broker()), previous, rebuilt);
    var found = lookup.resolve(problems, notes);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    var service = found.get().service();
    var plan = found.get().plan();
    var samePlan = previous.map(p -> p.plan().id().equals(plan.id())).orElse(false);
    var schema =
        samePlan && plan.schemas().instanceUpdate().isPresent()
            ? plan.schemas().instanceUpdate()
            : plan.schemas().instanceCreate();
    var what = "instance." + instance.name();
    var parameters =
        merge(instance.parameters(), instance.parametersFrom(), schema, what, problems, notes);
    return parameters.map(
        p ->
            new DesiredInstance(
                instance,
                service,
                plan,
                p,
                OsbContext.of(instance.name(), instance.context()),
                plan.maintenanceInfo().map(m -> m.version())));
  }

  private Optional<DesiredBinding> resolveBinding(
      Binding binding, DesiredInstance instance, List<Diagnostic> problems, List<String> notes) {
    if (!instance.service().bindable(instance.plan())) {
      problems.add(
          Diagnostic.at(
              binding.source(),
              "instance",
              "instance \""
                  + instance.config().name()
                  + "\" has plan \""
                  + instance.plan().name()
                  + "\" of service \""
                  + instance.service().name()
                  + "\", which is not bindable",
              "remove the binding, or choose a bindable plan"));
      return Optional.empty();
    }
    var what = "binding." + binding.name();
    return merge(
            binding.parameters(),
            binding.parametersFrom(),
            instance.plan().schemas().bindingCreate(),
            what,
            problems,
            notes)
        .map(p -> new DesiredBinding(binding, instance, p, instance.frozenContext()));
  }

  private Optional<DesiredParameters> merge(
      ConfigObject written,
      List<SecretRef> from,
      Optional<com.fasterxml.jackson.databind.JsonNode> schema,
      String what,
      List<Diagnostic> problems,
      List<String> notes) {
    // Without parametersFrom nothing is merged: share the configuration's frozen tree (issue 7).
    ObjectNode merged = from.isEmpty() ? written.frozen() : written.toJson();
    var sensitive = new ArrayList<>(SchemaSensitivity.pointers(schema));
    for (var ref : from) {
      try {
        var json = secrets.apply(ref);
        merged.setAll(json.reveal());
        json.keys().forEach(k -> sensitive.add("/" + k.replace("~", "~0").replace("/", "~1")));
      } catch (ConfigException e) {
        problems.addAll(e.diagnostics());
        return Optional.empty();
      }
    }
    if (schema.isPresent()) {
      var found =
          ParameterValidator.validate(schema.get(), merged, written, sensitive, what, notes);
      if (!found.isEmpty()) {
        problems.addAll(found);
        return Optional.empty();
      }
    }
    return Optional.of(new DesiredParameters(merged, sensitive));
  }
}
