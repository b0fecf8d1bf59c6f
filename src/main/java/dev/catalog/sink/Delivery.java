package dev.catalog.sink;

import dev.catalog.state.DeliveredSink;
import dev.catalog.state.SinkDescription;
import java.util.Objects;

/**
 * What state keeps of a credentials delivery (PRODUCT.md section 2): where they went, the
 * keyed-hash fingerprint of the credentials and the digests of the sink delivered to, never the
 * credentials.
 *
 * @param sink where the credentials were written
 * @param fingerprint {@code hmac-sha256:HEX} of the credentials as the broker returned them
 * @param delivered the sink configuration's digests and the fingerprint of the stored content
 */
public record Delivery(SinkDescription sink, String fingerprint, DeliveredSink delivered) {
  public Delivery {
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(delivered, "delivered");
  }
}
