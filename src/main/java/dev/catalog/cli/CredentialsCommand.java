package dev.catalog.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.CatalogException;
import dev.catalog.osb.HttpTrace;
import dev.catalog.osb.OfferingIds;
import dev.catalog.sink.CredentialSinks;
import dev.catalog.sink.EnvFormat;
import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code catalog credentials BINDING}: reads a binding's credentials again, from the broker when
 * its offering is {@code bindings_retrievable}, else from the sink they were delivered to. Values
 * are printed only with {@code --show-secrets}; otherwise each key is listed as (sensitive).
 */
@Command(
    name = "credentials",
    mixinStandardHelpOptions = true,
    description = "Read a binding's credentials from the broker or its sink.")
final class CredentialsCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;

  @Mixin BackendOptions backend;

  @Parameters(paramLabel = "BINDING", description = "The binding, e.g. binding.orders-app.")
  String binding;

  @Option(names = "--show-secrets", description = "Print the values, not only the keys.")
  boolean showSecrets;

  /** How the credentials are printed (issue 17). */
  enum Format {
    TEXT,
    JSON,
    ENV
  }

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "text, json ({\"address\", \"source\", \"credentials\"}) or env (KEY=value lines, for"
              + " a shell's '.'; needs --show-secrets) (default: ${DEFAULT-VALUE}).")
  Format format;

  private final CliEnvironment env;

  CredentialsCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    if (format == Format.ENV && !showSecrets) {
      throw new CatalogException(
          "--format env prints the values, so it needs --show-secrets (without it, every value"
              + " would be (sensitive))");
    }
    var address = Address.parse(binding.startsWith("binding.") ? binding : "binding." + binding);
    var loaded = config.load(env);
    try (var session = StateSession.open(env, backend, config);
        var sinks = new CredentialSinks(KubernetesClients.forContext(env))) {
      var state = session.store().read().state();
      var recorded =
          state
              .resource(address)
              .filter(BindingState.class::isInstance)
              .map(BindingState.class::cast)
              .orElseThrow(
                  () ->
                      new CatalogException(
                          address + " is not in the state" + AddressHints.suffix(address, state)));
      var clients = new PlanBrokerClients(loaded, new BrokerConnections(env), HttpTrace.NONE);
      var client =
          clients
              .client(recorded.broker())
              .orElseThrow(
                  () ->
                      new CatalogException(
                          "broker \"" + recorded.broker() + "\" is not configured"));
      var retrievable =
          client.catalog().services().stream()
              .filter(s -> s.id().equals(recorded.service().id()))
              .anyMatch(s -> s.bindingsRetrievable());
      ObjectNode values;
      String source;
      if (retrievable) {
        var offering = new OfferingIds(recorded.service().id(), recorded.plan().id());
        values =
            client
                .fetchBinding(recorded.instanceId(), recorded.bindingId(), Optional.of(offering))
                .orElseThrow(() -> new CatalogException(address + ": the broker has no such binding"))
                .credentials()
                .reveal();
        source = "broker \"" + recorded.broker() + "\"";
      } else {
        var sink =
            recorded
                .sink()
                .orElseThrow(() -> new CatalogException(address + ": no credentials delivered"));
        values =
            sinks
                .forRecorded(sink)
                .read(address)
                .orElseThrow(() -> new CatalogException(address + ": the sink holds no credentials"))
                .reveal();
        source = "the sink";
      }
      print(address, source, values);
      env.out().flush();
      return ExitCode.OK;
    }
  }

  private void print(Address address, String source, ObjectNode values) {
    switch (format) {
      case ENV -> env.out().print(EnvFormat.write(address, values));
      case JSON -> {
        var shown = values.deepCopy();
        if (!showSecrets) {
          shown.fieldNames().forEachRemaining(name -> shown.put(name, "(sensitive)"));
        }
        var doc = shown.objectNode();
        doc.put("address", address.toString());
        doc.put("source", source);
        doc.set("credentials", shown);
        env.out().println(doc.toPrettyString());
      }
      case TEXT -> {
        env.out().println(address + " (from " + source + "):");
        var names = values.fieldNames();
        while (names.hasNext()) {
          var name = names.next();
          var value = showSecrets ? text(values.get(name)) : "(sensitive)";
          env.out().println("  " + name + " = " + value);
        }
      }
    }
  }

  private static String text(JsonNode value) {
    return value.isTextual() ? value.asText() : value.toString();
  }
}
