package dev.catalog.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion.VersionFlag;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Validates plan JSON against the published schema, {@code plan-json-schema.json}. */
final class PlanJsonSchema {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PlanJsonSchema() {}

  static void assertValid(String json) {
    try (var in =
        PlanJsonSchema.class.getResourceAsStream("/dev/catalog/render/plan-json-schema.json")) {
      var schema = JsonSchemaFactory.getInstance(VersionFlag.V202012).getSchema(JSON.readTree(in));
      assertThat(schema.validate(JSON.readTree(json))).isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
