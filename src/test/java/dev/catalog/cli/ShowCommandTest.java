package dev.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.plan.PlanFixtures;
import dev.catalog.plan.SavedPlan;
import dev.catalog.render.JsonPlanRenderer;
import dev.catalog.render.MarkdownPlanRenderer;
import dev.catalog.render.PlanViews;
import dev.catalog.render.Styles;
import dev.catalog.render.TextPlanRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code catalog show PLANFILE} renders the saved plan as {@code plan} rendered it, offline. */
class ShowCommandTest {
  @TempDir Path dir;

  private Path saved() throws IOException {
    var view = PlanViews.of(PlanFixtures.allActions(List.of()));
    var saved =
        new SavedPlan(
            PlanFixtures.LINEAGE,
            41,
            "local:/work/catalog.state.json",
            "sha256:abc",
            "0.1.0",
            Optional.of("0123abcd"),
            List.of(),
            true,
            false,
            JsonPlanRenderer.document(view, false));
    var file = dir.resolve("plan.json");
    Files.write(file, saved.toBytes());
    return file;
  }

  @Test
  void showsTheSavedPlanInEveryFormatAsPlanPrintedIt() throws IOException {
    var file = saved().toString();
    var view = PlanViews.of(PlanFixtures.allActions(List.of()));

    var text = CliRun.run("show", file, "--no-color");
    var json = CliRun.run("show", file, "--format", "json");
    var markdown = CliRun.run("show", file, "--format", "markdown");

    assertThat(text.exitCode()).isZero();
    assertThat(text.out())
        .isEqualTo(
            "Saved plan made by catalog 0.1.0 against local:/work/catalog.state.json (serial 41),"
                + " configuration at commit 0123abcd.\n\n"
                + new TextPlanRenderer(Styles.plain()).render(view));
    assertThat(json.out()).isEqualTo(JsonPlanRenderer.render(view));
    assertThat(markdown.out())
        .isEqualTo(new MarkdownPlanRenderer(MarkdownPlanRenderer.DEFAULT_MAX_BYTES).render(view));
  }

  @Test
  void aMissingFileIsAPlainErrorWithItsPath() {
    var missing = dir.resolve("nope.json").toString();

    var run = CliRun.run("show", missing);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("Error: " + missing + ": no such file\n");
  }
}
