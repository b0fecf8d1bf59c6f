package dev.catalog.state;

import java.util.Objects;
import java.util.Optional;

/**
 * What state keeps of the last delivery to a binding's sink, to tell a changed configuration and a
 * changed sink apart from a kept one (issue 13): digests of the sink's configuration and a keyed
 * fingerprint of what was stored. Never the credentials, nor anything they can be read from without
 * the fingerprint key.
 *
 * <p>A sink move records the new delivery together with the sink it replaces before that old sink
 * is removed, and clears {@code replaces} once it is: killed in between, the next apply finds the
 * old sink named here and removes it, with no new delivery (docs/credentials.md, "Crash safety").
 *
 * @param config {@code sha256:HEX} of the whole sink configuration as delivered
 * @param shaping {@code sha256:HEX} of the part that decides the stored content (transforms,
 *     format, layout): equal shaping means the stored content can be copied as it is
 * @param content {@code hmac-sha256:HEX} of the content as stored (after the transforms)
 * @param replaces the previous sink this delivery moved the credentials from, while it is still
 *     to be removed
 */
public record DeliveredSink(
    String config, String shaping, String content, Optional<SinkDescription> replaces) {
  public DeliveredSink {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(shaping, "shaping");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(replaces, "replaces");
  }

  /** A delivery with no previous sink left to remove. */
  public DeliveredSink(String config, String shaping, String content) {
    this(config, shaping, content, Optional.empty());
  }

  /** The same delivery, recorded as replacing {@code previous}, which is still to be removed. */
  public DeliveredSink replacing(SinkDescription previous) {
    return new DeliveredSink(config, shaping, content, Optional.of(previous));
  }

  /** The same delivery once the sink it replaced is gone. */
  public DeliveredSink withoutReplaced() {
    return new DeliveredSink(config, shaping, content, Optional.empty());
  }
}
