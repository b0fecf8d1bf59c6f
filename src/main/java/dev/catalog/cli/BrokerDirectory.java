package dev.catalog.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * Where commands get the configured brokers from. The seam for the config loader (issue 2):
 * until it is wired, {@link InterimBrokerDirectory} reads the {@code brokers:} section itself.
 */
interface BrokerDirectory {
  /** The brokers of the configuration at {@code config}, in file order, secrets resolved. */
  List<ConfiguredBroker> brokers(Path config, CliEnvironment env);
}
