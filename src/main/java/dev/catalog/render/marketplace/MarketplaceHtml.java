package dev.catalog.render.marketplace;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.TreeSet;
import org.owasp.encoder.Encode;

/**
 * The marketplace as one self-contained HTML page rendered from {@link MarketplaceDocument}: CSS
 * and script inline, images only from data: URLs, so it opens offline and from any file server.
 * Everything is visible without JavaScript; the script adds search, filters and copy buttons.
 * Broker text is escaped with the OWASP encoder for its context.
 */
public final class MarketplaceHtml {
  private final StringBuilder sb = new StringBuilder();

  private MarketplaceHtml() {}

  /** The page of {@code document}. */
  public static String render(JsonNode document) {
    var page = new MarketplaceHtml();
    page.page(document);
    return page.sb.toString();
  }

  private void page(JsonNode doc) {
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
        .append(" img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n")
        .append("<title>Service marketplace</title>\n<style>\n")
        .append(resource("marketplace.css"))
        .append("</style>\n</head>\n<body>\n")
        .append("<a class=\"skip\" href=\"#services\">Skip to the services</a>\n")
        .append("<header>\n<h1>Service marketplace</h1>\n")
        .append("<p class=\"meta\">Every service and plan of the configured brokers.")
        .append(" Pick a plan and copy its YAML into <code>catalog.yaml</code>.</p>\n");
    filters(doc);
    sb.append("</header>\n<main id=\"services\">\n");
    for (var broker : doc.path("brokers")) {
      broker(broker);
    }
    sb.append("</main>\n<script>\n")
        .append(resource("marketplace.js"))
        .append("</script>\n</body>\n</html>\n");
  }

  private void filters(JsonNode doc) {
    sb.append("<form id=\"filters\" class=\"filters\" role=\"search\" hidden>\n")
        .append("<label for=\"q\">Search<input id=\"q\" name=\"q\" type=\"search\"")
        .append(" placeholder=\"name, description, tag\"></label>\n")
        .append("<label for=\"broker\">Broker<select id=\"broker\" name=\"broker\">")
        .append("<option value=\"\">All brokers</option>");
    var names = new TreeSet<String>();
    doc.path("brokers").forEach(b -> names.add(b.path("name").asText()));
    for (var name : names) {
      sb.append("<option value=\"")
          .append(Encode.forHtmlAttribute(name))
          .append("\">")
          .append(Encode.forHtml(name))
          .append("</option>");
    }
    sb.append("</select></label>\n")
        .append("<label class=\"check\" for=\"free\"><input id=\"free\" name=\"free\"")
        .append(" type=\"checkbox\" value=\"1\">Free plans only</label>\n")
        .append("<label class=\"check\" for=\"bindable\"><input id=\"bindable\" name=\"bindable\"")
        .append(" type=\"checkbox\" value=\"1\">Bindable plans only</label>\n")
        .append("</form>\n<p id=\"status\" role=\"status\" aria-live=\"polite\"></p>\n");
  }

  private void broker(JsonNode broker) {
    var name = broker.path("name").asText();
    sb.append("<section class=\"broker\" aria-labelledby=\"")
        .append(id("broker", name))
        .append("\">\n<h2 id=\"")
        .append(id("broker", name))
        .append("\">Broker ")
        .append(Encode.forHtml(name))
        .append(" <span class=\"broker-url\">")
        .append(Encode.forHtml(broker.path("url").asText()))
        .append("</span></h2>\n");
    if (broker.has("error")) {
      sb.append("<p class=\"error\">Unavailable: ")
          .append(Encode.forHtml(broker.get("error").asText()))
          .append("</p>\n");
    }
    for (var service : broker.path("services")) {
      new ServiceHtml(sb, name, service).render();
    }
    sb.append("</section>\n");
  }

  /** An element id from free text: letters, digits and dashes only. */
  static String id(String kind, String... parts) {
    var text = kind + "-" + String.join("-", parts);
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
  }

  private static String resource(String name) {
    try (InputStream in = MarketplaceHtml.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
