package dev.catalog.cli;

import dev.catalog.plan.PlanOptions;
import dev.catalog.render.JsonPlanRenderer;
import dev.catalog.render.MarkdownPlanRenderer;
import dev.catalog.render.PlanViews;
import dev.catalog.render.Styles;
import dev.catalog.render.TextPlanRenderer;
import dev.catalog.state.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code catalog drift}: a refresh-only plan that prints only what changed at the brokers behind
 * catalog's back, for cron jobs and alerts. Takes no lock (PRODUCT.md section 2); exits 2 on drift.
 */
@Command(
    name = "drift",
    mixinStandardHelpOptions = true,
    description = "Report resources changed at their brokers outside of catalog.")
final class DriftCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigOptions config;

  @Mixin BackendOptions backend;

  @Option(
      names = "--parallelism",
      defaultValue = "10",
      paramLabel = "N",
      description = "Broker reads in flight at once (default: ${DEFAULT-VALUE}).")
  int parallelism;

  @Mixin PlanOutputOptions output;

  @Option(
      names = "--target",
      paramLabel = "ADDR",
      description = "Only this resource and its dependencies (repeatable), as plan --target.")
  List<String> targets = new ArrayList<>();

  private final CliEnvironment env;

  DriftCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    var addresses = targets.stream().map(Address::parse).toList();
    var options = new PlanOptions(true, parallelism, addresses);
    var result = PlanRun.plan(env, config, backend, options, false, flag("--verbose"));
    var view = PlanViews.targetedDrift(PlanViews.of(result.plan()));
    var text =
        switch (output.format) {
          case TEXT ->
              new TextPlanRenderer(Styles.of(env.colour(flag("--no-color")))).renderDrift(view);
          case JSON -> JsonPlanRenderer.renderDrift(view);
          case MARKDOWN -> new MarkdownPlanRenderer(output.maxBytes).renderDrift(view);
        };
    env.out().print(text);
    env.out().flush();
    return view.drift().isEmpty() ? ExitCode.OK : ExitCode.CHANGES;
  }

  private boolean flag(String name) {
    var option = spec.findOption(name);
    return option != null && Boolean.TRUE.equals(option.getValue());
  }
}
