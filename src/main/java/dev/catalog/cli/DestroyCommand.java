package dev.catalog.cli;

import dev.catalog.CatalogException;
import dev.catalog.config.CatalogConfig;
import dev.catalog.plan.PlanOptions;
import dev.catalog.state.Address;
import java.io.IOException;
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
 * {@code catalog destroy}: deletes every instance and binding catalog manages, by planning against
 * a configuration that declares none (its brokers stay, to reach them). Refused before anything is
 * sent while an instance declares {@code lifecycle.preventDestroy}.
 */
@Command(
    name = "destroy",
    mixinStandardHelpOptions = true,
    description = "Delete every instance and binding catalog manages.")
final class DestroyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigOptions config;

  @Mixin BackendOptions backend;

  @Mixin MaxDestroyOption maxDestroy;

  @Mixin TimeoutOption timeout;

  @Option(names = "--auto-approve", description = "Do not ask for approval.")
  boolean autoApprove;

  @Option(
      names = "--parallelism",
      defaultValue = "10",
      paramLabel = "N",
      description = "Broker operations in flight at once (default: ${DEFAULT-VALUE}).")
  int parallelism;

  @Option(
      names = "--no-wait",
      description = "Return once every operation is accepted; the next run resumes.")
  boolean noWait;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  ProgressFormat format;

  private final CliEnvironment env;

  DestroyCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException {
    var options = new PlanOptions(true, parallelism, List.<Address>of());
    var context = RunContext.of(spec, env);
    return ApplyRun.run(
        env,
        new ApplyRun.Request(
            config,
            backend,
            options,
            Optional.empty(),
            autoApprove,
            !noWait,
            format == ProgressFormat.JSON,
            context.colour(),
            context.verbose(),
            "destroy",
            DestroyCommand::nothingDeclared,
            maxDestroy.limit(),
            timeout.limit()));
  }

  static CatalogConfig nothingDeclared(CatalogConfig config) {
    var protectedOnes = new ArrayList<String>();
    for (var instance : config.instances()) {
      if (instance.lifecycle().preventDestroy()) {
        protectedOnes.add("instance." + instance.name() + " (" + instance.location() + ")");
      }
    }
    for (var binding : config.bindings()) {
      if (binding.lifecycle().preventDestroy()) {
        protectedOnes.add("binding." + binding.name() + " (" + binding.location() + ")");
      }
    }
    if (!protectedOnes.isEmpty()) {
      throw new CatalogException(
          "destroy refused: lifecycle.preventDestroy is set on "
              + String.join(", ", protectedOnes)
              + "; set preventDestroy: false first");
    }
    return new CatalogConfig(
        config.apiVersion(), config.backend(), config.brokers(), List.of(), List.of());
  }
}
