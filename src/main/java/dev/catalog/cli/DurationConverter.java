package dev.catalog.cli;

import dev.catalog.state.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/** Parses {@code 30s}, {@code 5m} or {@code PT1M} for duration options. */
final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    return Durations.parse(value);
  }
}
