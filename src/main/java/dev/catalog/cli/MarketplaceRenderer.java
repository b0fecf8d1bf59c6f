package dev.catalog.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.osb.model.ServiceOffering;
import dev.catalog.osb.model.ServicePlan;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Renders marketplace listings as an aligned text table or as JSON ({@code format_version} 1). */
final class MarketplaceRenderer {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final int MAX_DESCRIPTION = 80;

  private MarketplaceRenderer() {}

  static void text(List<MarketplaceListing> listings, PrintWriter out) {
    for (var listing : listings) {
      out.println(
          "Broker \""
              + listing.broker().name()
              + "\" ("
              + listing.broker().connection().baseUrl()
              + ")");
      if (listing.catalog().isEmpty()) {
        out.println("  unavailable: see the error above");
        continue;
      }
      var services = listing.catalog().get().services();
      if (services.isEmpty()) {
        out.println("  no services");
      }
      for (var service : services) {
        out.println(
            "  "
                + service.name()
                + service.displayName().map(d -> " (" + d + ")").orElse("")
                + ": "
                + shorten(service.description())
                + flags(service));
        var rows = new ArrayList<String[]>();
        rows.add(
            new String[] {"PLAN", "FREE", "BINDABLE", "UPDATEABLE", "MAX POLL", "DESCRIPTION"});
        for (var plan : service.plans()) {
          rows.add(
              new String[] {
                plan.name(),
                yesNo(plan.free()),
                yesNo(service.bindable(plan)),
                yesNo(service.planUpdateable(plan)),
                plan.maximumPollingDuration().map(MarketplaceRenderer::duration).orElse("-"),
                shorten(plan.description())
              });
        }
        table(rows, out);
      }
    }
    out.flush();
  }

  private static String flags(ServiceOffering service) {
    var flags = new ArrayList<String>();
    if (service.instancesRetrievable()) {
      flags.add("instances retrievable");
    }
    if (service.bindingsRetrievable()) {
      flags.add("bindings retrievable");
    }
    if (service.allowContextUpdates()) {
      flags.add("context updates");
    }
    return flags.isEmpty() ? "" : " [" + String.join(", ", flags) + "]";
  }

  private static void table(List<String[]> rows, PrintWriter out) {
    var widths = new int[rows.get(0).length];
    for (var row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (var row : rows) {
      var line = new StringBuilder("    ");
      for (int i = 0; i < row.length; i++) {
        line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
      }
      out.println(line.toString().stripTrailing());
    }
  }

  /** Long broker descriptions must not break the layout (checklist C-20). */
  private static String shorten(String text) {
    var oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= MAX_DESCRIPTION
        ? oneLine
        : oneLine.substring(0, MAX_DESCRIPTION - 3) + "...";
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }

  private static String duration(Duration d) {
    if (d.toSeconds() % 3600 == 0) {
      return d.toHours() + "h";
    }
    return d.toSeconds() % 60 == 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
  }

  static void json(List<MarketplaceListing> listings, PrintWriter out) {
    var root = JSON.createObjectNode();
    root.put("format_version", 1);
    var brokers = root.putArray("brokers");
    for (var listing : listings) {
      var broker = brokers.addObject();
      broker.put("name", listing.broker().name());
      broker.put("url", listing.broker().connection().baseUrl().toString());
      listing.error().ifPresent(e -> broker.put("error", e));
      listing
          .catalog()
          .ifPresent(
              c -> {
                var services = broker.putArray("services");
                c.services().forEach(s -> service(s, services.addObject()));
              });
    }
    try {
      out.println(JSON.writeValueAsString(root));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    out.flush();
  }

  private static void service(ServiceOffering service, ObjectNode node) {
    node.put("name", service.name());
    node.put("id", service.id());
    node.put("description", service.description());
    service.displayName().ifPresent(d -> node.put("display_name", d));
    node.put("instances_retrievable", service.instancesRetrievable());
    node.put("bindings_retrievable", service.bindingsRetrievable());
    node.put("allow_context_updates", service.allowContextUpdates());
    var plans = node.putArray("plans");
    for (ServicePlan plan : service.plans()) {
      var p = plans.addObject();
      p.put("name", plan.name());
      p.put("id", plan.id());
      p.put("description", plan.description());
      plan.displayName().ifPresent(d -> p.put("display_name", d));
      p.put("free", plan.free());
      p.put("bindable", service.bindable(plan));
      p.put("plan_updateable", service.planUpdateable(plan));
      plan.maximumPollingDuration()
          .ifPresent(d -> p.put("maximum_polling_duration", d.toSeconds()));
      plan.maintenanceInfo().ifPresent(m -> p.put("maintenance_info_version", m.version()));
      p.put("has_parameter_schema", plan.schemas().instanceCreate().isPresent());
    }
  }
}
