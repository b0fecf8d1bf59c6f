package dev.catalog.render.marketplace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.osb.model.ServiceOffering;
import dev.catalog.osb.model.ServicePlan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code catalog.yaml} lines that declare an instance of a plan: its required parameters with
 * their default, or a placeholder of the right type and a comment saying what is expected.
 */
final class YamlSnippet {
  private YamlSnippet() {}

  static String of(String broker, ServiceOffering service, ServicePlan plan) {
    var sb = new StringBuilder("instances:\n");
    sb.append("  - name: my-").append(slug(service.name())).append('\n');
    sb.append("    broker: ").append(broker).append('\n');
    sb.append("    service: ").append(service.name()).append('\n');
    sb.append("    plan: ").append(plan.name()).append('\n');
    var lines = plan.schemas().instanceCreate().map(YamlSnippet::required).orElse(List.of());
    if (!lines.isEmpty()) {
      sb.append("    parameters:\n");
      lines.forEach(l -> sb.append("      ").append(l).append('\n'));
    }
    return sb.toString();
  }

  private static List<String> required(JsonNode schema) {
    Set<String> required = new HashSet<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    var lines = new ArrayList<String>();
    schema
        .path("properties")
        .fields()
        .forEachRemaining(
            e -> {
              if (required.contains(e.getKey())) {
                lines.add(yamlKey(e.getKey()) + ": " + value(e.getValue()));
              }
            });
    return lines;
  }

  private static String value(JsonNode property) {
    if (property.has("default")) {
      return property.get("default").toString();
    }
    if (property.path("enum").size() > 0) {
      return property.get("enum").get(0).toString();
    }
    var hint = SchemaText.constraints(property);
    var placeholder =
        switch (property.path("type").asText("")) {
          case "integer", "number" -> property.path("minimum").asText("0");
          case "boolean" -> "false";
          case "array" -> "[]";
          case "object" -> "{}";
          default -> "\"\"";
        };
    return placeholder + (hint.isEmpty() ? "" : "  # " + hint);
  }

  private static String yamlKey(String key) {
    return key.matches("[A-Za-z_][A-Za-z0-9_-]*") ? key : "\"" + key.replace("\"", "\\\"") + "\"";
  }

  private static String slug(String name) {
    var slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
    return slug.replaceAll("^-+|-+$", "").isEmpty() ? "instance" : slug.replaceAll("^-+|-+$", "");
  }
}
