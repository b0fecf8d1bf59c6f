package dev.catalog.cli;

import dev.catalog.CatalogException;
import dev.catalog.Sleeper;
import dev.catalog.config.Broker;
import dev.catalog.osb.BrokerClient;
import dev.catalog.osb.HttpTrace;
import dev.catalog.osb.RetryPolicy;
import dev.catalog.render.marketplace.MarketplaceDocument;
import dev.catalog.render.marketplace.MarketplaceHtml;
import dev.catalog.render.marketplace.MarketplaceJson;
import dev.catalog.render.marketplace.MarketplaceSource;
import dev.catalog.render.marketplace.MarketplaceText;
import dev.catalog.state.ResourceState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code catalog marketplace}: every configured broker's services and plans, like an app store, as
 * text, JSON or a static HTML site (docs/marketplace.md); with {@code --plan SERVICE/PLAN}, that
 * plan's parameter schema. A broker that fails is reported on stderr and the others are still
 * listed; the exit code is then 1.
 */
@Command(
    name = "marketplace",
    mixinStandardHelpOptions = true,
    description = "List the services and plans of every configured broker.")
final class MarketplaceCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    TEXT,
    JSON,
    HTML
  }

  @Spec CommandSpec spec;

  @Mixin ConfigOptions config;

  @Option(names = "--broker", paramLabel = "NAME", description = "Only this broker.")
  String brokerName;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text, json or html (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "With --format html: write DIR/index.html instead of printing the page.")
  Path outDir;

  @Mixin BackendOptions backend;

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
    if (outDir != null && format != Format.HTML) {
      throw new CatalogException("--out: only with --format html");
    }
    var listings = new ArrayList<MarketplaceSource>();
    for (var broker : brokers) {
      listings.add(list(broker, trace));
    }
    if (plan != null) {
      return PlanSchemaView.show(plan, listings, env.out());
    }
    switch (format) {
      case JSON -> MarketplaceJson.print(MarketplaceDocument.of(listings, instances()), env.out());
      case HTML -> html(MarketplaceHtml.render(MarketplaceDocument.of(listings, instances())));
      default -> MarketplaceText.render(listings, env.out());
    }
    return listings.stream().anyMatch(l -> l.error().isPresent()) ? ExitCode.ERROR : ExitCode.OK;
  }

  /** The recorded resources, for "used by"; none when there is no state yet. */
  private Collection<ResourceState> instances() {
    try (var session = StateSession.open(env, backend, config)) {
      var snapshot = session.store().read();
      return snapshot.exists() ? snapshot.state().resources().values() : List.of();
    }
  }

  private void html(String page) {
    if (outDir == null) {
      env.out().print(page);
      env.out().flush();
      return;
    }
    var file = outDir.resolve("index.html");
    try {
      Files.createDirectories(outDir);
      Files.writeString(file, page, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CatalogException("--out: cannot write " + file + ": " + e.getMessage());
    }
    env.out().println("Wrote " + file);
    env.out().flush();
  }

  private MarketplaceSource list(ConfiguredBroker broker, HttpTrace trace) {
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
      return new MarketplaceSource(
          broker.name(), url(broker), Optional.of(client.catalog()), Optional.empty());
    } catch (CatalogException e) {
      var message = "broker \"" + broker.name() + "\": " + e.getMessage();
      env.err().println("Error: " + message);
      env.err().flush();
      return new MarketplaceSource(
          broker.name(), url(broker), Optional.empty(), Optional.of(message));
    }
  }

  private static String url(ConfiguredBroker broker) {
    return broker.connection().baseUrl().toString();
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
    return RunContext.of(spec, env).verbose();
  }
}
