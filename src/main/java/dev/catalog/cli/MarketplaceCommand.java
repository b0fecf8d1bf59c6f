package dev.catalog.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.catalog.CatalogException;
import dev.catalog.Sleeper;
import dev.catalog.config.Broker;
import dev.catalog.osb.BrokerClient;
import dev.catalog.osb.HttpTrace;
import dev.catalog.osb.RetryPolicy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code catalog marketplace}: every configured broker's services and plans, like an app store;
 * with {@code --plan SERVICE/PLAN}, that plan's parameter schema. A broker that fails is reported
 * on stderr and the others are still listed; the exit code is then 1.
 */
@Command(
    name = "marketplace",
    mixinStandardHelpOptions = true,
    description = "List the services and plans of every configured broker.")
final class MarketplaceCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    TEXT,
    JSON
  }

  @Spec CommandSpec spec;

  @Mixin ConfigOptions config;

  @Option(names = "--broker", paramLabel = "NAME", description = "Only this broker.")
  String brokerName;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--plan",
      paramLabel = "SERVICE/PLAN",
      description = "Show the parameter schemas of one plan.")
  String plan;

  private final CliEnvironment env;

  MarketplaceCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    var connections = new BrokerConnections(env);
    var brokers = selected(config.load(env).brokers()).stream().map(connections::connect).toList();
    var trace = verbose() ? HttpTrace.printingTo(env.err()) : HttpTrace.NONE;
    var listings = new ArrayList<MarketplaceListing>();
    for (var broker : brokers) {
      listings.add(list(broker, trace));
    }
    if (plan != null) {
      return PlanSchemaView.show(plan, listings, env.out());
    }
    if (format == Format.JSON) {
      MarketplaceRenderer.json(listings, env.out());
    } else {
      MarketplaceRenderer.text(listings, env.out());
    }
    return listings.stream().anyMatch(l -> l.error().isPresent()) ? ExitCode.ERROR : ExitCode.OK;
  }

  private MarketplaceListing list(ConfiguredBroker broker, HttpTrace trace) {
    if (broker.connection().tls().insecureSkipVerify()) {
      env.err()
          .println(
              "Warning: broker \""
                  + broker.name()
                  + "\": TLS certificate verification is disabled (insecureSkipVerify)");
    }
    var client =
        BrokerClient.create(
            broker.connection(),
            trace,
            Sleeper.REAL,
            Clock.systemUTC(),
            RetryPolicy.DEFAULT,
            env.redactor());
    try {
      return new MarketplaceListing(broker, Optional.of(client.catalog()), Optional.empty());
    } catch (CatalogException e) {
      var message = "broker \"" + broker.name() + "\": " + e.getMessage();
      env.err().println("Error: " + message);
      env.err().flush();
      return new MarketplaceListing(broker, Optional.empty(), Optional.of(message));
    }
  }

  private List<Broker> selected(List<Broker> all) {
    if (brokerName == null) {
      return all;
    }
    var match = all.stream().filter(b -> b.name().equals(brokerName)).toList();
    if (match.isEmpty()) {
      var names = all.stream().map(Broker::name).toList();
      throw new CatalogException(
          "--broker: no broker named \""
              + brokerName
              + "\" in the configuration; configured: "
              + String.join(", ", names));
    }
    return match;
  }

  private boolean verbose() {
    var option = spec.findOption("--verbose");
    return option != null && Boolean.TRUE.equals(option.getValue());
  }

  static ObjectMapper prettyJson() {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }
}
