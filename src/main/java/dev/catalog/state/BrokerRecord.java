package dev.catalog.state;

import java.util.Objects;

/**
 * What state remembers of a broker: where it was and which catalog it served.
 *
 * @param url the broker URL
 * @param catalogFingerprint a digest of the catalog last fetched, to notice catalog changes
 */
public record BrokerRecord(String url, String catalogFingerprint) {
  public BrokerRecord {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(catalogFingerprint, "catalogFingerprint");
  }
}
