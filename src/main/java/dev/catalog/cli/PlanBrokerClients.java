package dev.catalog.cli;

import dev.catalog.config.CatalogConfig;
import dev.catalog.osb.BrokerClient;
import dev.catalog.osb.HttpTrace;
import dev.catalog.osb.RetryPolicy;
import dev.catalog.osb.Sleeper;
import dev.catalog.plan.BrokerClients;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OSB clients for the brokers of a loaded configuration, one per broker, created on first use so a
 * broker's secrets are read only when it is contacted.
 */
final class PlanBrokerClients implements BrokerClients {
  private final CatalogConfig config;
  private final BrokerConnections connections;
  private final HttpTrace trace;
  private final Map<String, BrokerClient> clients = new ConcurrentHashMap<>();

  PlanBrokerClients(CatalogConfig config, BrokerConnections connections, HttpTrace trace) {
    this.config = config;
    this.connections = connections;
    this.trace = trace;
  }

  @Override
  public Optional<BrokerClient> client(String brokerName) {
    return config
        .broker(brokerName)
        .map(
            broker ->
                clients.computeIfAbsent(
                    broker.name(),
                    name ->
                        BrokerClient.create(
                            connections.connect(broker).connection(),
                            trace.announcingRetries(connections.err(), name),
                            Sleeper.REAL,
                            Clock.systemUTC(),
                            RetryPolicy.DEFAULT,
                            connections.redactor(),
                            name)));
  }
}
