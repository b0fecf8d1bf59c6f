package dev.catalog.cli;

import dev.catalog.osb.model.Catalog;
import java.util.Objects;
import java.util.Optional;

/** One broker's part of {@code catalog marketplace}: its catalog, or why it could not be read. */
record MarketplaceListing(
    ConfiguredBroker broker, Optional<Catalog> catalog, Optional<String> error) {
  MarketplaceListing {
    Objects.requireNonNull(broker, "broker");
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(error, "error");
  }
}
