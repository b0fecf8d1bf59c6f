package dev.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.osb.FakeClock;
import dev.catalog.testbroker.ReferenceBroker;
import dev.catalog.testbrowser.HeadlessChromium;
import dev.catalog.testbrowser.WebDriverSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code catalog marketplace --format html} against the reference broker, with an instance in
 * state, loaded in headless Chromium through chromedriver: searched, filtered, and read.
 */
class MarketplaceHtmlIT {
  private static final String PASSWORD = "marketplace-html-pw-41c2";
  private static final String VISIBLE_PLANS =
      "return Array.from(document.querySelectorAll('section.plan'))"
          + ".filter(p => p.offsetParent !== null)"
          + ".map(p => p.closest('article').dataset.broker + '/' + p.querySelector('h4 code')"
          + ".textContent);";
  private static ReferenceBroker broker;

  @TempDir Path dir;
  private Path config;

  @BeforeAll
  static void startBroker() {
    HeadlessChromium.require();
    broker = ReferenceBroker.start(ReferenceBroker.Options.forTests(PASSWORD, new FakeClock()));
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @BeforeEach
  void configure() throws IOException {
    config = dir.resolve("catalog.yaml");
    var yaml = new StringBuilder("apiVersion: catalog/v1\nbrokers:\n");
    for (var prefix : List.of("data", "messaging")) {
      yaml.append("  - name: ")
          .append(prefix)
          .append("\n    url: ")
          .append(broker.baseUrl(prefix))
          .append("\n    auth:\n      basic:\n")
          .append("        username: admin\n        password: { fromEnv: BROKER_PASSWORD }\n");
    }
    yaml.append(
        """
        instances:
          - name: orders-db
            broker: data
            service: db
            plan: small
            parameters: { storage_gb: 10 }
        """);
    Files.writeString(config, yaml);
  }

  private CliRun run(String... args) {
    var all = new ArrayList<>(List.of(args[0], "-f", config.toString()));
    all.addAll(List.of(args).subList(1, args.length));
    return CliRun.run(Map.of("BROKER_PASSWORD", PASSWORD), all.toArray(String[]::new));
  }

  private Path site() {
    assertThat(run("apply", "--auto-approve").exitCode()).isZero();
    var out = dir.resolve("site");
    var run = run("marketplace", "--format", "html", "--out", out.toString());
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo("Wrote " + out.resolve("index.html") + "\n");
    return out.resolve("index.html");
  }

  private static List<String> texts(JsonNode array) {
    var out = new ArrayList<String>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void searchingAndFilteringInThePageShowOnlyTheMatchingServicesAndPlans() throws Exception {
    var page = site().toUri().toString();
    try (var browser = WebDriverSession.start()) {
      browser.open(page);
      assertThat(browser.script("return document.getElementById('status').textContent;").asText())
          .isEqualTo("Showing 2 of 2 services.");
      assertThat(texts(browser.script(VISIBLE_PLANS)))
          .containsExactly("data/small", "data/large", "messaging/standard");

      browser.type("#q", "queue");
      assertThat(browser.script("return document.getElementById('status').textContent;").asText())
          .isEqualTo("Showing 1 of 2 services.");
      assertThat(texts(browser.script(VISIBLE_PLANS))).containsExactly("messaging/standard");

      browser.open(page);
      browser.click("#free");
      assertThat(texts(browser.script(VISIBLE_PLANS))).containsExactly("data/small");
      var small =
          browser.script(
              "return document.getElementById('plan-data-db-small').closest('section')"
                  + ".innerText;");
      assertThat(small.asText())
          .contains("Used by 1 instance: orders-db", "storage_gb\tinteger\t\t>= 1; <= 100");
    }
  }

  @Test
  void filtersCanBeReachedAndUsedWithTheKeyboard() throws Exception {
    var page = site().toUri().toString();
    try (var browser = WebDriverSession.start()) {
      browser.open(page + "?broker=messaging");
      assertThat(texts(browser.script(VISIBLE_PLANS))).containsExactly("messaging/standard");
      browser.type("#q", "\uE004");
      assertThat(browser.script("return document.activeElement.id;").asText()).isEqualTo("broker");
      var labels =
          browser.script(
              "return Array.from(document.querySelectorAll('input, select'))"
                  + ".map(e => e.labels.length + ':' + e.labels[0].textContent.trim());");
      assertThat(texts(labels))
          .containsExactly(
              "1:Search",
              "1:BrokerAll brokersdatamessaging",
              "1:Free plans only",
              "1:Bindable plans only");
    }
  }

  @Test
  void thePageIsReadableWithoutJavaScriptAndLoadsNothingFromTheNetwork() throws IOException {
    var html = Files.readString(site());
    assertThat(html)
        .contains(
            "<form id=\"filters\" class=\"filters\" role=\"search\" hidden>",
            "<h3 id=\"service-data-db\">Database <code>db</code></h3>",
            "<h3 id=\"service-messaging-queue\">Message Queue <code>queue</code></h3>",
            "<dt>Cost</dt><dd>89.00 EUR / MONTHLY, 99.00 USD / MONTHLY</dd>",
            "<p>Used by 1 instance: <code>orders-db</code></p>",
            "<img alt=\"\" src=\"data:image/svg+xml;base64,")
        .doesNotContain("<link", "src=\"http", "@import", "url(http")
        .doesNotContain(PASSWORD);
  }
}
