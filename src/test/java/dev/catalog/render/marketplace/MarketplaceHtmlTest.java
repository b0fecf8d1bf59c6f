package dev.catalog.render.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.osb.model.Catalog;
import dev.catalog.osb.model.OfferingMetadata;
import dev.catalog.osb.model.PlanMetadata;
import dev.catalog.osb.model.PlanSchemas;
import dev.catalog.osb.model.ServiceOffering;
import dev.catalog.osb.model.ServicePlan;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Broker text is data, never markup: what a hostile or careless catalog cannot do to the page. */
class MarketplaceHtmlTest {
  private static final String SCRIPT = "<script>alert(1)</script>";

  private static String page(OfferingMetadata metadata) {
    var plan =
        new ServicePlan(
            "p",
            "small\"><img src=x onerror=alert(1)>",
            SCRIPT,
            true,
            Optional.empty(),
            Optional.empty(),
            false,
            Optional.empty(),
            Optional.empty(),
            PlanSchemas.NONE,
            Optional.of(SCRIPT),
            new PlanMetadata(List.of(), List.of(SCRIPT)));
    var service =
        new ServiceOffering(
            "s",
            "db",
            "</textarea>" + SCRIPT,
            true,
            Optional.empty(),
            false,
            false,
            false,
            List.of(SCRIPT),
            List.of(),
            Optional.of(SCRIPT),
            List.of(plan),
            metadata);
    var source =
        new MarketplaceSource(
            "acme",
            "http://127.0.0.1:1",
            Optional.of(new Catalog(List.of(service))),
            Optional.empty());
    return MarketplaceHtml.render(MarketplaceDocument.of(List.of(source), List.of()));
  }

  @Test
  void escapesEveryBrokerSuppliedText() {
    var html = page(OfferingMetadata.NONE);
    assertThat(html).doesNotContain(SCRIPT).doesNotContain("<img src=x");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void showsOnlyDataImagesAndLinksOnlyToHttpUrls() {
    var html =
        page(
            new OfferingMetadata(
                Optional.of("https://cdn.example.org/logo.png"),
                Optional.empty(),
                Optional.empty(),
                Optional.of("javascript:alert(1)"),
                Optional.of("https://support.example.org/db")));
    assertThat(html)
        .doesNotContain("cdn.example.org")
        .doesNotContain("href=\"javascript:")
        .contains("Documentation: javascript:alert(1)")
        .contains("<a href=\"https://support.example.org/db\">Support");
  }
}
