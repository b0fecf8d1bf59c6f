package dev.catalog.plan;

import dev.catalog.osb.BrokerClient;
import java.util.Optional;

/** The OSB clients of the configured brokers, by broker name. */
@FunctionalInterface
public interface BrokerClients {
  /** The client for the broker with this name, or empty when it is not configured. */
  Optional<BrokerClient> client(String brokerName);
}
