package dev.catalog.render.marketplace;

import dev.catalog.osb.model.ServiceOffering;
import dev.catalog.osb.model.ServicePlan;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code catalog marketplace} as aligned text: per broker, each service and a table of plans. */
public final class MarketplaceText {
  private static final int MAX_DESCRIPTION = 80;

  private MarketplaceText() {}

  public static void render(List<MarketplaceSource> listings, PrintWriter out) {
    for (var listing : listings) {
      out.println("Broker \"" + listing.broker() + "\" (" + listing.url() + ")");
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
            new String[] {
              "PLAN", "FREE", "COST", "BINDABLE", "UPDATEABLE", "MAX POLL", "DESCRIPTION"
            });
        for (var plan : service.plans()) {
          rows.add(
              new String[] {
                plan.name(),
                yesNo(plan.free()),
                cost(plan),
                yesNo(service.bindable(plan)),
                yesNo(service.planUpdateable(plan)),
                plan.maximumPollingDuration().map(MarketplaceText::duration).orElse("-"),
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

  /** {@code 99 USD/MONTHLY}, each currency and unit, or {@code -} for a plan without costs. */
  static String cost(ServicePlan plan) {
    var parts = new ArrayList<String>();
    for (var cost : plan.metadata().costs()) {
      cost.amount()
          .forEach(
              (currency, amount) ->
                  parts.add(Amounts.of(amount) + " " + currency + "/" + cost.unit()));
    }
    return parts.isEmpty() ? "-" : String.join(", ", parts);
  }
}
