package dev.catalog.cli;

import dev.catalog.Redactor;
import dev.catalog.config.Broker;
import dev.catalog.config.BrokerAuth;
import dev.catalog.config.SecretResolver;
import dev.catalog.osb.BrokerConnection;
import dev.catalog.osb.OriginatingIdentity;
import dev.catalog.osb.TlsSettings;

/**
 * Turns configured brokers into OSB connections, resolving their secret references. Lives in {@code
 * cli} because {@code osb} must not know config; the planner (issue 5) may move it.
 */
final class BrokerConnections {
  private final SecretResolver secrets;
  private final Redactor redactor;
  private final java.io.PrintWriter err;

  BrokerConnections(CliEnvironment env) {
    this.err = env.err();
    this.redactor = env.redactor();
    // The Kubernetes client is created only if a fromSecret reference needs it.
    this.secrets = new SecretResolver(env.env(), KubernetesClients.from(env), env.redactor());
  }

  /** The run's redactor, which every client scrubs broker text with. */
  Redactor redactor() {
    return redactor;
  }

  /** Where retries are announced. */
  java.io.PrintWriter err() {
    return err;
  }

  ConfiguredBroker connect(Broker broker) {
    var connection =
        new BrokerConnection(
            broker.url(),
            broker.apiVersion(),
            auth(broker),
            tls(broker),
            broker.timeouts().connect(),
            broker.timeouts().request(),
            broker
                .originatingIdentity()
                .map(id -> new OriginatingIdentity(id.platform(), id.value().toJson())),
            BrokerConnection.defaultUserAgent());
    return new ConfiguredBroker(broker.name(), connection);
  }

  private dev.catalog.osb.BrokerAuth auth(Broker broker) {
    if (broker.auth().isEmpty()) {
      return dev.catalog.osb.BrokerAuth.none();
    }
    var auth = broker.auth().get();
    if (auth instanceof BrokerAuth.Basic basic) {
      return dev.catalog.osb.BrokerAuth.basic(
          secrets.resolve(basic.username()).reveal(), secrets.resolve(basic.password()));
    }
    if (auth instanceof BrokerAuth.Bearer bearer) {
      return dev.catalog.osb.BrokerAuth.bearer(secrets.resolve(bearer.token()));
    }
    throw new AssertionError(auth.getClass());
  }

  private static TlsSettings tls(Broker broker) {
    var tls = broker.tls();
    if (tls.insecureSkipVerify()) {
      return TlsSettings.insecure();
    }
    return tls.caFile().map(TlsSettings::withCaFile).orElse(TlsSettings.DEFAULT);
  }
}
