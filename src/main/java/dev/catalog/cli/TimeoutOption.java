package dev.catalog.cli;

import dev.catalog.CatalogException;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --timeout DURATION} of apply and destroy (issue 15): an overall deadline for the run. */
final class TimeoutOption {
  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = BackendOptions.DurationConverter.class,
      description =
          "Stop starting operations after this long, e.g. 30m; operations in progress are"
              + " recorded for the next apply, and the run exits 1.")
  Duration timeout;

  /** The deadline's length, if one was given. */
  Optional<Duration> limit() {
    if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
      throw new CatalogException("--timeout must be longer than 0s");
    }
    return Optional.ofNullable(timeout);
  }
}
