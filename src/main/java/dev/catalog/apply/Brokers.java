package dev.catalog.apply;

import dev.catalog.osb.BrokerOperations;
import dev.catalog.plan.BrokerClients;
import java.util.Optional;

/**
 * The brokers an apply sends its operations to, by name: the engine's one door to the outside
 * (issue 12). The CLI hands it the configured HTTP clients ({@link #of}); unit tests hand it an
 * in-memory broker.
 */
@FunctionalInterface
public interface Brokers {
  /** The operations of the broker with this name, or empty when it is not configured. */
  Optional<BrokerOperations> operations(String brokerName);

  /** The configured brokers' HTTP clients. */
  static Brokers of(BrokerClients clients) {
    return name -> clients.client(name).map(BrokerOperations.class::cast);
  }
}
