package dev.catalog.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.CatalogException;
import dev.catalog.render.marketplace.MarketplaceSource;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** {@code catalog marketplace --plan SERVICE/PLAN}: the plan's parameter schemas per broker. */
final class PlanSchemaView {
  private static final com.fasterxml.jackson.databind.ObjectMapper PRETTY =
      new com.fasterxml.jackson.databind.ObjectMapper()
          .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

  private PlanSchemaView() {}

  static int show(String servicePlan, List<MarketplaceSource> listings, PrintWriter out) {
    var slash = servicePlan.indexOf('/');
    if (slash <= 0 || slash == servicePlan.length() - 1) {
      throw new CatalogException("--plan: expected SERVICE/PLAN, got \"" + servicePlan + "\"");
    }
    var serviceName = servicePlan.substring(0, slash);
    var planName = servicePlan.substring(slash + 1);
    boolean found = false;
    for (var listing : listings) {
      var service = listing.catalog().flatMap(c -> c.service(serviceName));
      var plan = service.flatMap(s -> s.plan(planName));
      if (plan.isEmpty()) {
        continue;
      }
      found = true;
      out.println(
          "Broker \""
              + listing.broker()
              + "\", service \""
              + serviceName
              + "\", plan \""
              + planName
              + "\": "
              + plan.get().description());
      var schemas = plan.get().schemas();
      section(out, "Instance create parameters", schemas.instanceCreate());
      section(out, "Instance update parameters", schemas.instanceUpdate());
      section(out, "Binding create parameters", schemas.bindingCreate());
    }
    out.flush();
    if (!found) {
      throw new CatalogException(
          "no broker offers plan \"" + planName + "\" of service \"" + serviceName + "\"");
    }
    return listings.stream().anyMatch(l -> l.error().isPresent()) ? ExitCode.ERROR : ExitCode.OK;
  }

  private static void section(PrintWriter out, String title, Optional<JsonNode> schema) {
    out.println(title + ":");
    if (schema.isEmpty()) {
      out.println("  (no schema)");
      return;
    }
    try {
      var text = PRETTY.writeValueAsString(schema.get());
      text.lines().forEach(line -> out.println("  " + line));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
