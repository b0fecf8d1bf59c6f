package dev.catalog.cli;

import dev.catalog.CatalogException;
import dev.catalog.apply.Importer;
import dev.catalog.config.SecretResolver;
import dev.catalog.osb.HttpTrace;
import dev.catalog.sink.CredentialSinks;
import dev.catalog.state.Address;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code catalog import ADDR OSB_ID}: adopts an instance or binding that already exists at its
 * broker into state, reading it back when the broker allows. Only GETs are sent (docs/import.md).
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Adopt an existing instance or binding into the state.")
final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigOptions config;

  @Mixin BackendOptions backend;

  @Parameters(
      index = "0",
      paramLabel = "ADDR",
      description = "instance.NAME or binding.NAME, as declared in the configuration.")
  String address;

  @Parameters(
      index = "1",
      paramLabel = "OSB_ID",
      description = "Its instance_id or binding_id at the broker.")
  String osbId;

  private final CliEnvironment env;

  ImportCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    var parsed = Address.parse(address);
    if (osbId.isBlank() || !osbId.strip().equals(osbId)) {
      throw new CatalogException(
          "invalid OSB_ID '" + osbId + "': expected the resource's id at the broker, not blank");
    }
    var loaded = config.load(env);
    Importer.checkDeclared(loaded, parsed);
    var yaml = loaded.backend();
    var choice = backend.choose(yaml.kind(), yaml.settings());
    var baseDir = choice.kind() == yaml.kind() ? yaml.directory() : Path.of("");
    var trace =
        RunContext.of(spec, env).verbose() ? HttpTrace.printingTo(env.err()) : HttpTrace.NONE;
    var clients = new PlanBrokerClients(loaded, new BrokerConnections(env), trace);
    var secrets = new SecretResolver(env.env(), KubernetesClients.from(env), env.redactor());
    try (var session = new StateSession(env, backend, choice, baseDir.toAbsolutePath());
        var held = session.lock("import");
        var sinks = new CredentialSinks(KubernetesClients.forContext(env))) {
      var before = session.store().read();
      var importer =
          new Importer(clients, secrets::resolveObject, sinks, env.env(), Clock.systemUTC());
      var result =
          importer.adopt(loaded, before.state(), parsed, osbId, session.backend().identity());
      if (before.exists()) {
        session.backup(before);
      }
      session.store().writeOrSave(before, result.state(), session.backupDir());
      result.notes().forEach(n -> env.out().println("Note: " + n));
      env.out().println(result.summary());
      env.out().flush();
      return ExitCode.OK;
    }
  }
}
