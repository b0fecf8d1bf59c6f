package dev.catalog.render.marketplace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Locale;
import org.owasp.encoder.Encode;

/** One plan of the marketplace page: flags, costs, parameters, instances and its YAML snippet. */
final class PlanHtml {
  private static final String[] COLUMNS = {
    "Name", "Type", "Default", "Constraints", "Description", "Required"
  };

  private final StringBuilder sb;
  private final String broker;
  private final String service;
  private final JsonNode plan;

  PlanHtml(StringBuilder sb, String broker, String service, JsonNode plan) {
    this.sb = sb;
    this.broker = broker;
    this.service = service;
    this.plan = plan;
  }

  void render() {
    var name = plan.path("name").asText();
    var headingId = MarketplaceHtml.id("plan", broker, service, name);
    var free = plan.path("free").asBoolean();
    var search = new ArrayList<String>();
    search.add(name);
    search.add(plan.path("display_name").asText(""));
    search.add(plan.path("description").asText(""));
    plan.path("bullets").forEach(b -> search.add(b.asText()));
    search.add(free ? "free" : "paid");
    sb.append("<section class=\"plan\" aria-labelledby=\"")
        .append(headingId)
        .append("\" data-free=\"")
        .append(free)
        .append("\" data-bindable=\"")
        .append(plan.path("bindable").asBoolean())
        .append("\" data-search=\"")
        .append(Encode.forHtmlAttribute(String.join(" ", search).toLowerCase(Locale.ROOT)))
        .append("\">\n<h4 id=\"")
        .append(headingId)
        .append("\"><span>")
        .append(Encode.forHtml(plan.path("display_name").asText(name)))
        .append(" <code>")
        .append(Encode.forHtml(name))
        .append("</code></span><span class=\"badge ")
        .append(free ? "free\">Free" : "paid\">Paid")
        .append("</span></h4>\n<p>")
        .append(Encode.forHtml(plan.path("description").asText("")))
        .append("</p>\n");
    if (!plan.path("bullets").isEmpty()) {
      sb.append("<ul>");
      plan.path("bullets")
          .forEach(b -> sb.append("<li>").append(Encode.forHtml(b.asText())).append("</li>"));
      sb.append("</ul>\n");
    }
    facts();
    parameters(headingId);
    instances();
    snippet();
    sb.append("</section>\n");
  }

  private void facts() {
    sb.append("<dl>");
    fact("Cost", costs());
    fact("Bindable", yesNo(plan.path("bindable").asBoolean()));
    fact("Plan updateable", yesNo(plan.path("plan_updateable").asBoolean()));
    if (plan.has("maintenance_info")) {
      var info = plan.get("maintenance_info");
      var text = info.path("version").asText();
      if (info.has("description")) {
        text += " (" + info.get("description").asText() + ")";
      }
      fact("Maintenance", Encode.forHtml(text));
    }
    if (plan.has("maximum_polling_duration")) {
      fact("Longest operation", plan.get("maximum_polling_duration").asLong() + " s");
    }
    sb.append("</dl>\n");
  }

  /** {@code 99 USD / MONTHLY, 89 EUR / MONTHLY}; "none listed" for a plan without costs. */
  private String costs() {
    var parts = new ArrayList<String>();
    for (var cost : plan.path("costs")) {
      var unit = cost.path("unit").asText();
      cost.path("amount")
          .fields()
          .forEachRemaining(
              e ->
                  parts.add(
                      Amounts.of(e.getValue().decimalValue()) + " " + e.getKey() + " / " + unit));
    }
    if (parts.isEmpty()) {
      return plan.path("free").asBoolean() ? "free" : "paid; no price listed";
    }
    return Encode.forHtml(String.join(", ", parts));
  }

  private void fact(String term, String html) {
    sb.append("<dt>").append(term).append("</dt><dd>").append(html).append("</dd>");
  }

  private void parameters(String headingId) {
    var rows = plan.path("parameters");
    if (rows.isEmpty()) {
      sb.append("<p class=\"meta\">No parameter schema.</p>\n");
      return;
    }
    sb.append("<div class=\"table-wrap\"><table aria-describedby=\"")
        .append(headingId)
        .append("\">")
        .append("<caption>Parameters</caption>\n<thead><tr>");
    for (var column : COLUMNS) {
      sb.append("<th scope=\"col\">").append(column).append("</th>");
    }
    sb.append("</tr></thead>\n<tbody>\n");
    for (var row : rows) {
      sb.append("<tr><th scope=\"row\" class=\"depth-")
          .append(Math.min(row.path("depth").asInt(), 4))
          .append("\"><code>")
          .append(Encode.forHtml(row.path("name").asText()))
          .append("</code></th>");
      for (var field : new String[] {"type", "default", "constraints", "description"}) {
        sb.append("<td>").append(Encode.forHtml(row.path(field).asText())).append("</td>");
      }
      sb.append("<td>").append(row.path("required").asBoolean() ? "yes" : "no").append("</td>");
      sb.append("</tr>\n");
    }
    sb.append("</tbody></table></div>\n");
  }

  private void instances() {
    var instances = plan.path("instances");
    if (instances.isEmpty()) {
      sb.append("<p class=\"meta\">No instance in the current state uses this plan.</p>\n");
      return;
    }
    var names = new ArrayList<String>();
    instances.forEach(i -> names.add("<code>" + Encode.forHtml(i.asText()) + "</code>"));
    sb.append("<p>Used by ")
        .append(instances.size())
        .append(instances.size() == 1 ? " instance: " : " instances: ")
        .append(String.join(", ", names))
        .append("</p>\n");
  }

  private void snippet() {
    sb.append("<details><summary>YAML to declare an instance</summary>\n")
        .append("<pre class=\"snippet\"><code>")
        .append(Encode.forHtml(plan.path("yaml").asText()))
        .append("</code></pre></details>\n");
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }
}
