package dev.catalog.cli;

import dev.catalog.CatalogException;
import dev.catalog.plan.DesiredHash;
import dev.catalog.plan.DestroyGuard;
import dev.catalog.plan.PlanOptions;
import dev.catalog.plan.SavedPlan;
import dev.catalog.plan.policy.PolicyCheck;
import dev.catalog.render.JsonPlanRenderer;
import dev.catalog.render.PlanViews;
import dev.catalog.render.PolicyViews;
import dev.catalog.state.Address;
import dev.catalog.state.PrivateFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code catalog plan}: shows the changes apply would make, and can save them for apply. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "Show the changes apply would make.")
final class PlanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigOptions config;

  @Mixin BackendOptions backend;

  @Mixin MaxDestroyOption maxDestroy;

  @Option(
      names = "--refresh",
      arity = "1",
      defaultValue = "true",
      paramLabel = "BOOL",
      description = "Read live resources from the brokers (default: ${DEFAULT-VALUE}).")
  boolean refresh;

  @Option(
      names = "--parallelism",
      defaultValue = "10",
      paramLabel = "N",
      description = "Broker reads in flight at once (default: ${DEFAULT-VALUE}).")
  int parallelism;

  @Option(
      names = "--target",
      paramLabel = "ADDR",
      description = "Only this resource and its dependencies (repeatable); the plan is partial.")
  List<String> targets = new ArrayList<>();

  @Option(
      names = "--replace",
      paramLabel = "ADDR",
      description =
          "Replace this instance or binding even if nothing changed (repeatable); a binding is"
              + " bound anew before the old one is unbound.")
  List<String> replace = new ArrayList<>();

  @Option(
      names = "--lockfile",
      paramLabel = "MODE",
      description =
          "readonly: any difference between the live catalogs and catalog.lock.json is an error.")
  LockfileMode lockfile;

  /** {@code --lockfile} modes; Terraform's {@code -lockfile=readonly}. */
  enum LockfileMode {
    READONLY
  }

  @Option(names = "--out", paramLabel = "FILE", description = "Save the plan for catalog apply.")
  Path out;

  @Option(
      names = "--destroy",
      description =
          "Plan the deletion of every instance and binding catalog manages, as destroy would;"
              + " with --out, catalog apply FILE carries it out.")
  boolean destroy;

  @Mixin PlanOutputOptions output;

  @Option(
      names = "--detailed-exitcode",
      description =
          "Exit 0 with no changes, 1 on error, 2 when resources would change or an earlier"
              + " apply left work (operations in flight, orphan mitigation pending).")
  boolean detailedExitcode;

  private final CliEnvironment env;

  PlanCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException {
    var addresses = targets.stream().map(Address::parse).toList();
    var destroyLimit = maxDestroy.limit();
    var options =
        new PlanOptions(
            refresh, parallelism, addresses, replace.stream().map(Address::parse).toList());
    var context = RunContext.of(spec, env);
    if (lockfile == LockfileMode.READONLY && LockFiles.read(config).isEmpty()) {
      throw new CatalogException(
          "--lockfile=readonly: there is no "
              + LockFiles.path(config)
              + "; run \"catalog lock\" and commit it");
    }
    var result =
        PlanRun.plan(
            env,
            config,
            backend,
            options,
            true,
            context.verbose(),
            destroy ? DestroyCommand::nothingDeclared : UnaryOperator.identity());
    if (lockfile == LockfileMode.READONLY && !result.plan().lockDifferences().isEmpty()) {
      throw new CatalogException(LockfileReadonly.message(result.plan().lockDifferences()));
    }
    // Refused before it is shown or saved: a plan over the limit never becomes a plan file.
    DestroyGuard.checkLimit(result.plan(), destroyLimit);
    // Text and Markdown never show before/after snapshots; a saved plan keeps them (JSON).
    var view =
        PlanViews.of(result.plan(), output.format == PlanFormat.JSON || out != null)
            .withViolations(PolicyViews.of(result.violations()));
    var text = output.format.renderer(context, output.maxBytes).render(view);
    env.out().print(text);
    if (out != null) {
      var state = result.snapshot().state();
      var saved =
          new SavedPlan(
              state.lineage(),
              state.serial(),
              result.backend(),
              DesiredHash.of(result.plan(), state.lineage()),
              VersionProvider.version(),
              ConfigCommit.of(config.files().get(0)),
              options.targets(),
              options.refresh(),
              destroy,
              JsonPlanRenderer.document(view, false));
      saved = saved.withReplace(options.replace());
      PrivateFiles.write(out, saved.toBytes(), "the plan file", "");
      if (output.format == PlanFormat.TEXT) {
        env.out()
            .println(
                "\nSaved the plan to "
                    + out
                    + ". Apply exactly this plan with:"
                    + " catalog apply "
                    + out);
      }
    }
    env.out().flush();
    if (!result.violations().isEmpty()) {
      throw new CatalogException(PolicyCheck.refusal(result.violations()));
    }
    // Work an earlier apply left (in flight, orphan mitigation pending) is applied like a change.
    return detailedExitcode && result.plan().hasWork() ? ExitCode.CHANGES : ExitCode.OK;
  }
}
