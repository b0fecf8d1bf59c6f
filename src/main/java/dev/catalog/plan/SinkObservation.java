package dev.catalog.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * What a binding's sink holds, as a plan sees it: never the content, only its keyed fingerprint.
 *
 * @param kind what was found
 * @param detail for people: whose a foreign Secret is, why content is unreadable, why the read
 *     failed; empty otherwise
 * @param fingerprint {@code hmac-sha256:HEX} of the stored content when {@link Kind#PRESENT}
 */
public record SinkObservation(Kind kind, String detail, Optional<String> fingerprint) {
  /** What was found. */
  public enum Kind {
    PRESENT,
    MISSING,
    NOT_OWNED,
    UNREADABLE,
    /** The sink could not be read (cluster unreachable, permission denied): no conclusion. */
    FAILED
  }

  public SinkObservation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /** catalog's content, with its fingerprint. */
  public static SinkObservation present(String fingerprint) {
    return new SinkObservation(Kind.PRESENT, "", Optional.of(fingerprint));
  }

  /** Anything but present content. */
  public static SinkObservation of(Kind kind, String detail) {
    return new SinkObservation(kind, detail, Optional.empty());
  }
}
