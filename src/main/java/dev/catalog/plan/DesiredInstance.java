package dev.catalog.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.FrozenJson;
import dev.catalog.config.Instance;
import dev.catalog.osb.model.ServiceOffering;
import dev.catalog.osb.model.ServicePlan;
import dev.catalog.state.Address;
import java.util.Objects;
import java.util.Optional;

/**
 * A declared instance resolved against its broker's catalog: the ids to send and the exact
 * parameters, context and maintenance_info version a provision or update carries.
 *
 * @param config the declaration
 * @param service the offering its {@code service} name resolved to
 * @param plan the plan its {@code plan} name resolved to
 * @param parameters the parameters to send
 * @param context the OSB context object to send
 * @param maintenanceInfoVersion the catalog plan's maintenance_info version, if it has one
 */
public record DesiredInstance(
    Instance config,
    ServiceOffering service,
    ServicePlan plan,
    DesiredParameters parameters,
    JsonNode context,
    Optional<String> maintenanceInfoVersion) {
  public DesiredInstance {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(parameters, "parameters");
    context = FrozenJson.freeze(Objects.requireNonNull(context, "context"));
    Objects.requireNonNull(maintenanceInfoVersion, "maintenanceInfoVersion");
  }

  @Override
  public JsonNode context() {
    return context.deepCopy();
  }

  /**
   * The context itself, immutable ({@link FrozenJson}): no copy, so bindings and plan views share
   * it instead of holding a copy each (issue 7); changing it throws.
   */
  public JsonNode frozenContext() {
    return context;
  }

  /** {@code instance.NAME}. */
  public Address address() {
    return Address.instance(config.name());
  }

  /** The broker's name. */
  public String broker() {
    return config.broker();
  }
}
