package dev.catalog.plan;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.config.ConfigObject;

/**
 * The OSB context object catalog sends (profile.md): {@code platform} and {@code instance_name},
 * with the YAML {@code context} merged over them. The same object goes on the provision, every
 * update (checklist U-11) and the instance's binds, so a change to it is visible in the plan.
 */
public final class OsbContext {
  /** The {@code platform} value catalog identifies itself with. */
  public static final String PLATFORM = "catalog";

  private OsbContext() {}

  /** The context of an instance named {@code instanceName} with the declared {@code context}. */
  public static ObjectNode of(String instanceName, ConfigObject declared) {
    var context = JsonNodeFactory.instance.objectNode();
    context.put("platform", PLATFORM);
    context.put("instance_name", instanceName);
    context.setAll(declared.toJson());
    return context;
  }
}
