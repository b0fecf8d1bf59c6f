package dev.catalog.osb;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * TLS trust for one broker (checklist H-07): the system trust store, plus an optional PEM CA
 * bundle. Certificate checks are skipped only when {@code insecureSkipVerify} is set explicitly.
 */
public record TlsSettings(Optional<Path> caFile, boolean insecureSkipVerify) {
  /** System trust store, verification on. */
  public static final TlsSettings DEFAULT = new TlsSettings(Optional.empty(), false);

  public TlsSettings {
    Objects.requireNonNull(caFile, "caFile");
    if (insecureSkipVerify && caFile.isPresent()) {
      throw new IllegalArgumentException("caFile and insecureSkipVerify exclude each other");
    }
  }

  /** Trusts the certificates in a PEM file in addition to the system ones. */
  public static TlsSettings withCaFile(Path caFile) {
    return new TlsSettings(Optional.of(caFile), false);
  }

  /** Skips certificate and host name checks; callers warn the user. */
  public static TlsSettings insecure() {
    return new TlsSettings(Optional.empty(), true);
  }
}
