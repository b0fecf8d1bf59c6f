package dev.catalog.config;

import java.util.List;
import java.util.Objects;

/**
 * A service instance to keep provisioned.
 *
 * @param name unique among instances, {@code [a-z0-9-]}, at most 63 characters
 * @param broker the name of a declared broker
 * @param service the service offering's name in the broker's catalog (resolved at plan time)
 * @param plan the plan's name (resolved at plan time)
 * @param parameters sent to the broker; checked against the plan's schema at plan time
 * @param parametersFrom secret references whose content (a JSON object) is merged over {@code
 *     parameters}; their values are sensitive
 * @param context merged into the OSB context object
 * @param maintenance whether maintenance_info upgrades are taken
 * @param lifecycle protection and ignored parameters
 */
public record Instance(
    String name,
    String broker,
    String service,
    String plan,
    ConfigObject parameters,
    List<SecretRef> parametersFrom,
    ConfigObject context,
    Maintenance maintenance,
    Lifecycle lifecycle,
    Source source) {
  public Instance {
    // Interned: a handful of brokers, services and plans repeat in every instance, and bindings
    // name their instance (issue 7: one String each for 100,000 instances).
    name = name.intern();
    broker = broker.intern();
    service = service.intern();
    plan = plan.intern();
    Objects.requireNonNull(parameters, "parameters");
    parametersFrom = List.copyOf(parametersFrom);
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(maintenance, "maintenance");
    Objects.requireNonNull(lifecycle, "lifecycle");
    Objects.requireNonNull(source, "source");
  }

  /** Where the instance was declared. */
  public Location location() {
    return source.location();
  }
}
