package dev.catalog.render.marketplace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Locale;
import org.owasp.encoder.Encode;

/**
 * One service of the marketplace page with its plans, from its {@link MarketplaceDocument} node.
 */
final class ServiceHtml {
  private final StringBuilder sb;
  private final String broker;
  private final JsonNode service;

  ServiceHtml(StringBuilder sb, String broker, JsonNode service) {
    this.sb = sb;
    this.broker = broker;
    this.service = service;
  }

  void render() {
    var name = service.path("name").asText();
    var headingId = MarketplaceHtml.id("service", broker, name);
    var search = new ArrayList<String>();
    for (var field : new String[] {"name", "display_name", "description", "long_description"}) {
      search.add(service.path(field).asText(""));
    }
    service.path("tags").forEach(t -> search.add(t.asText()));
    sb.append("<article class=\"service\" aria-labelledby=\"")
        .append(headingId)
        .append("\" data-broker=\"")
        .append(Encode.forHtmlAttribute(broker))
        .append("\" data-search=\"")
        .append(Encode.forHtmlAttribute(String.join(" ", search).toLowerCase(Locale.ROOT)))
        .append("\">\n<div class=\"service-head\">");
    var image = service.path("image_url").asText("");
    if (image.startsWith("data:image/")) {
      sb.append("<img alt=\"\" src=\"").append(Encode.forHtmlAttribute(image)).append("\">");
    }
    sb.append("<div><h3 id=\"")
        .append(headingId)
        .append("\">")
        .append(text("display_name"))
        .append(" <code>")
        .append(Encode.forHtml(name))
        .append("</code></h3>\n<p>")
        .append(text("description"))
        .append("</p>\n");
    if (service.has("long_description")) {
      sb.append("<p class=\"meta\">").append(text("long_description")).append("</p>\n");
    }
    meta();
    sb.append("</div></div>\n<div class=\"plans\">\n");
    for (var plan : service.path("plans")) {
      new PlanHtml(sb, broker, name, plan).render();
    }
    sb.append("</div>\n</article>\n");
  }

  private void meta() {
    var parts = new ArrayList<String>();
    if (service.has("provider")) {
      parts.add("Provided by " + text("provider"));
    }
    link("documentation_url", "Documentation").ifPresent(parts::add);
    link("support_url", "Support").ifPresent(parts::add);
    if (!parts.isEmpty()) {
      sb.append("<p class=\"meta\">").append(String.join(" &middot; ", parts)).append("</p>\n");
    }
    if (!service.path("tags").isEmpty()) {
      sb.append("<p class=\"meta\"><span class=\"visually-hidden\">Tags: </span>");
      service
          .path("tags")
          .forEach(
              t ->
                  sb.append("<span class=\"tag\">")
                      .append(Encode.forHtml(t.asText()))
                      .append("</span>"));
      sb.append("</p>\n");
    }
  }

  /** A link only to http(s) URLs: anything else (javascript:, file:) is shown as text. */
  private java.util.Optional<String> link(String field, String label) {
    if (!service.has(field)) {
      return java.util.Optional.empty();
    }
    var url = service.get(field).asText();
    var lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("https://") || lower.startsWith("http://")) {
      return java.util.Optional.of(
          "<a href=\""
              + Encode.forHtmlAttribute(url)
              + "\">"
              + label
              + "<span class=\"visually-hidden\"> of "
              + text("display_name")
              + "</span></a>");
    }
    return java.util.Optional.of(label + ": " + Encode.forHtml(url));
  }

  private String text(String field) {
    return Encode.forHtml(service.path(field).asText(""));
  }
}
