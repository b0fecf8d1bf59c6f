package dev.catalog.cli;

import dev.catalog.config.Broker;
import dev.catalog.config.BrokerAuth;
import dev.catalog.config.CatalogConfig;
import dev.catalog.config.SecretResolver;
import dev.catalog.osb.BrokerClient;
import dev.catalog.osb.BrokerConnection;
import dev.catalog.osb.HttpTrace;
import dev.catalog.osb.OriginatingIdentity;
import dev.catalog.osb.RetryPolicy;
import dev.catalog.osb.Sleeper;
import dev.catalog.osb.TlsSettings;
import dev.catalog.plan.BrokerClients;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OSB clients for the brokers of a loaded configuration, created on first use so a broker's secrets
 * are read only when it is contacted.
 */
final class BrokerConnections implements BrokerClients {
  private final CatalogConfig config;
  private final SecretResolver secrets;
  private final HttpTrace trace;
  private final Map<String, BrokerClient> clients = new ConcurrentHashMap<>();

  BrokerConnections(CatalogConfig config, SecretResolver secrets, HttpTrace trace) {
    this.config = config;
    this.secrets = secrets;
    this.trace = trace;
  }

  @Override
  public Optional<BrokerClient> client(String brokerName) {
    return config.broker(brokerName).map(b -> clients.computeIfAbsent(b.name(), n -> create(b)));
  }

  private BrokerClient create(Broker broker) {
    var connection =
        BrokerConnection.of(broker.url(), auth(broker))
            .withApiVersion(broker.apiVersion())
            .withTimeouts(broker.timeouts().connect(), broker.timeouts().request());
    if (broker.tls().caFile().isPresent()) {
      connection = connection.withTls(TlsSettings.withCaFile(broker.tls().caFile().get()));
    } else if (broker.tls().insecureSkipVerify()) {
      connection = connection.withTls(TlsSettings.insecure());
    }
    if (broker.originatingIdentity().isPresent()) {
      var identity = broker.originatingIdentity().get();
      connection =
          connection.withOriginatingIdentity(
              new OriginatingIdentity(identity.platform(), identity.value().toJson()));
    }
    return BrokerClient.create(
        connection, trace, Sleeper.REAL, Clock.systemUTC(), RetryPolicy.DEFAULT);
  }

  private dev.catalog.osb.BrokerAuth auth(Broker broker) {
    if (broker.auth().isEmpty()) {
      return dev.catalog.osb.BrokerAuth.none();
    }
    var auth = broker.auth().get();
    if (auth instanceof BrokerAuth.Basic basic) {
      return dev.catalog.osb.BrokerAuth.basic(
          secrets.resolve(basic.username()).reveal(), secrets.resolve(basic.password()));
    } else if (auth instanceof BrokerAuth.Bearer bearer) {
      return dev.catalog.osb.BrokerAuth.bearer(secrets.resolve(bearer.token()));
    }
    throw new AssertionError(auth);
  }
}
