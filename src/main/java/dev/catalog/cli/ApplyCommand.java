package dev.catalog.cli;

import dev.catalog.CatalogException;
import dev.catalog.plan.PlanOptions;
import dev.catalog.state.Address;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code catalog apply}: make brokers match the configuration, or apply a saved plan. */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = "Make brokers match the configuration, or apply a saved plan.")
final class ApplyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigOptions config;

  @Mixin BackendOptions backend;

  @Mixin MaxDestroyOption maxDestroy;

  @Mixin TimeoutOption timeout;

  @Parameters(
      arity = "0..1",
      paramLabel = "PLANFILE",
      description = "A plan saved by \"catalog plan --out\"; applied without asking.")
  Path planFile;

  @Option(names = "--auto-approve", description = "Do not ask for approval.")
  boolean autoApprove;

  @Option(
      names = "--target",
      paramLabel = "ADDR",
      description = "Only this resource and its dependencies (repeatable).")
  List<String> targets = new ArrayList<>();

  @Option(
      names = "--replace",
      paramLabel = "ADDR",
      description =
          "Replace this instance or binding even if nothing changed (repeatable); a binding is"
              + " bound anew before the old one is unbound.")
  List<String> replace = new ArrayList<>();

  @Option(
      names = "--parallelism",
      defaultValue = "10",
      paramLabel = "N",
      description = "Broker operations in flight at once (default: ${DEFAULT-VALUE}).")
  int parallelism;

  @Option(
      names = "--no-wait",
      description = "Return once every operation is accepted; the next apply or refresh resumes.")
  boolean noWait;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text or json: one JSON event per line (default: ${DEFAULT-VALUE}).")
  ProgressFormat format;

  private final CliEnvironment env;

  ApplyCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException {
    if (planFile != null && !targets.isEmpty()) {
      throw new CatalogException(
          "--target cannot be used with a saved plan: apply plans again with the targets the"
              + " plan was made with (catalog plan --target ... --out FILE)");
    }
    if (planFile != null && !replace.isEmpty()) {
      throw new CatalogException(
          "--replace cannot be used with a saved plan: apply plans again with the replacements"
              + " the plan was made with (catalog plan --replace ... --out FILE)");
    }
    var options =
        new PlanOptions(
            true,
            parallelism,
            targets.stream().map(Address::parse).toList(),
            replace.stream().map(Address::parse).toList());
    var context = RunContext.of(spec, env);
    return ApplyRun.run(
        env,
        new ApplyRun.Request(
            config,
            backend,
            options,
            Optional.ofNullable(planFile),
            autoApprove,
            !noWait,
            format == ProgressFormat.JSON,
            context.colour(),
            context.verbose(),
            "apply",
            UnaryOperator.identity(),
            maxDestroy.limit(),
            timeout.limit()));
  }
}
