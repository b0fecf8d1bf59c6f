package dev.catalog.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.FrozenJson;
import dev.catalog.config.Binding;
import dev.catalog.state.Address;
import java.util.Objects;

/**
 * A declared binding resolved through its instance: what a bind request carries.
 *
 * @param config the declaration
 * @param instance the resolved instance it binds to
 * @param parameters the bind parameters to send
 * @param context the OSB context object to send
 */
public record DesiredBinding(
    Binding config, DesiredInstance instance, DesiredParameters parameters, JsonNode context) {
  public DesiredBinding {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(parameters, "parameters");
    context = FrozenJson.freeze(Objects.requireNonNull(context, "context"));
  }

  @Override
  public JsonNode context() {
    return context.deepCopy();
  }

  /** {@code binding.NAME}. */
  public Address address() {
    return Address.binding(config.name());
  }

  /**
   * Whether bind may be async: only when the offering is {@code bindings_retrievable}, since the
   * credentials of an async bind can only be fetched afterwards (checklist section 5.5).
   */
  public boolean acceptsIncomplete() {
    return instance.service().bindingsRetrievable();
  }
}
