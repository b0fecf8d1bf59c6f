package dev.catalog.cli;

import dev.catalog.CatalogException;
import dev.catalog.plan.SavedPlan;
import dev.catalog.render.PlanDocumentReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code catalog show PLANFILE}: a saved plan rendered again, with no broker, state or network. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Show a saved plan (catalog plan --out FILE) again, reading nothing else.",
    footerHeading = "%nExit codes:%n",
    footer = {"  0  shown", "  1  error (not a saved plan, unreadable file)"})
final class ShowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PLANFILE", description = "A saved plan.")
  Path planFile;

  @Mixin PlanOutputOptions output;

  private final CliEnvironment env;

  ShowCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException {
    byte[] content;
    try {
      content = Files.readAllBytes(planFile);
    } catch (NoSuchFileException e) {
      throw new CatalogException(planFile + ": no such file");
    }
    var saved = SavedPlan.parse(content, planFile.toString());
    var view = PlanDocumentReader.read(saved.plan());
    var rendered = output.format.renderer(RunContext.of(spec, env), output.maxBytes).render(view);
    var text = output.format == PlanFormat.TEXT ? header(saved) + rendered : rendered;
    env.out().print(text);
    env.out().flush();
    return ExitCode.OK;
  }

  private static String header(SavedPlan saved) {
    return "Saved plan made by catalog "
        + saved.toolVersion()
        + " against "
        + saved.backend()
        + " (serial "
        + saved.serial()
        + ")"
        + saved.gitCommit().map(c -> ", configuration at commit " + c).orElse("")
        + ".\n\n";
  }
}
