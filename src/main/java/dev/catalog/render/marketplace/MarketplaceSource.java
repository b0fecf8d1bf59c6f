package dev.catalog.render.marketplace;

import dev.catalog.osb.model.Catalog;
import java.util.Objects;
import java.util.Optional;

/**
 * One broker as the marketplace lists it: its catalog, or why it could not be read.
 *
 * @param broker the configured broker name
 * @param url the broker's base URL
 * @param catalog the catalog read, empty when reading failed
 * @param error why it could not be read
 */
public record MarketplaceSource(
    String broker, String url, Optional<Catalog> catalog, Optional<String> error) {
  public MarketplaceSource {
    Objects.requireNonNull(broker, "broker");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(error, "error");
  }
}
