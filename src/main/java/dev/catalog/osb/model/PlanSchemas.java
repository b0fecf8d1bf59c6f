package dev.catalog.osb.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The JSON Schemas of a plan's parameters (spec S:480-513), kept as JSON for the validator: the
 * {@code parameters} schema of instance create, instance update and binding create.
 */
public record PlanSchemas(
    Optional<JsonNode> instanceCreate,
    Optional<JsonNode> instanceUpdate,
    Optional<JsonNode> bindingCreate) {

  public static final PlanSchemas NONE =
      new PlanSchemas(Optional.empty(), Optional.empty(), Optional.empty());

  public PlanSchemas {
    instanceCreate = instanceCreate.map(JsonNode::deepCopy);
    instanceUpdate = instanceUpdate.map(JsonNode::deepCopy);
    bindingCreate = bindingCreate.map(JsonNode::deepCopy);
  }
}
