package dev.catalog.sink;

import dev.catalog.state.SinkDescription;
import java.util.Objects;

/**
 * What state keeps of a credentials delivery (PRODUCT.md section 2): where they went and their
 * keyed-hash fingerprint, never the credentials.
 *
 * @param sink where the credentials were written
 * @param fingerprint {@code hmac-sha256:HEX} of the credentials as the broker returned them
 */
public record Delivery(SinkDescription sink, String fingerprint) {
  public Delivery {
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }
}
