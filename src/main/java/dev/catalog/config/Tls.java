package dev.catalog.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * TLS settings of a broker. Verification is on unless {@code insecureSkipVerify} says otherwise.
 *
 * @param caFile extra CA certificates (PEM), resolved against the YAML file's directory
 * @param insecureSkipVerify accept any certificate; for test brokers only
 */
public record Tls(Optional<Path> caFile, boolean insecureSkipVerify) {
  public Tls {
    Objects.requireNonNull(caFile, "caFile");
  }

  /** The default: verify against the JVM's trusted CAs. */
  public static Tls defaults() {
    return new Tls(Optional.empty(), false);
  }
}
