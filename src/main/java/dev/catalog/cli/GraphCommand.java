package dev.catalog.cli;

import dev.catalog.plan.PlanOptions;
import dev.catalog.render.DotRenderer;
import dev.catalog.state.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code catalog graph}: the plan's dependency graph as Graphviz DOT. */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = "Print the order apply would follow as a Graphviz DOT graph.")
final class GraphCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigOptions config;

  @Mixin BackendOptions backend;

  @Option(
      names = "--refresh",
      arity = "1",
      defaultValue = "true",
      paramLabel = "BOOL",
      description = "Read live resources from the brokers (default: ${DEFAULT-VALUE}).")
  boolean refresh;

  @Option(
      names = "--target",
      paramLabel = "ADDR",
      description = "Only this resource and its dependencies (repeatable), as plan --target.")
  List<String> targets = new ArrayList<>();

  private final CliEnvironment env;

  GraphCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    var addresses = targets.stream().map(Address::parse).toList();
    var options = new PlanOptions(refresh, PlanOptions.DEFAULT_PARALLELISM, addresses);
    var result =
        PlanRun.plan(env, config, backend, options, false, RunContext.of(spec, env).verbose());
    env.out().print(DotRenderer.render(result.plan().graph()));
    env.out().flush();
    return ExitCode.OK;
  }
}
