package dev.catalog.state;

import java.util.Objects;

/**
 * What state keeps of the last delivery to a binding's sink, to tell a changed configuration and a
 * changed sink apart from a kept one (issue 13): digests of the sink's configuration and a keyed
 * fingerprint of what was stored. Never the credentials, nor anything they can be read from without
 * the fingerprint key.
 *
 * @param config {@code sha256:HEX} of the whole sink configuration as delivered
 * @param shaping {@code sha256:HEX} of the part that decides the stored content (transforms,
 *     format, layout): equal shaping means the stored content can be copied as it is
 * @param content {@code hmac-sha256:HEX} of the content as stored (after the transforms)
 */
public record DeliveredSink(String config, String shaping, String content) {
  public DeliveredSink {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(shaping, "shaping");
    Objects.requireNonNull(content, "content");
  }
}
