package dev.catalog.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.plan.PlanFixtures;
import dev.catalog.state.Address;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole outputs of every format against golden files: every action, reason and drift kind. */
class PlanGoldenTest {
  private static final PlanView ALL = PlanViews.of(PlanFixtures.allActions(List.of()));
  private static final PlanView NONE = PlanViews.of(PlanFixtures.noChanges());
  private static final PlanView TARGETED =
      PlanViews.of(PlanFixtures.allActions(List.of(Address.binding("params-app"))));

  private static String text(PlanView view) {
    return new TextPlanRenderer(Styles.plain()).render(view);
  }

  private static String markdown(PlanView view) {
    return new MarkdownPlanRenderer(MarkdownPlanRenderer.DEFAULT_MAX_BYTES).render(view);
  }

  @Test
  void rendersEveryActionAndReasonAsText() {
    Golden.assertMatches("all-actions.txt", text(ALL));
  }

  @Test
  void textAndMarkdownAreTheSameFromAViewWithoutSnapshots() {
    var lean = PlanViews.of(PlanFixtures.allActions(List.of()), false);
    assertThat(lean.changes())
        .allSatisfy(
            c -> {
              assertThat(c.before()).isEmpty();
              assertThat(c.after()).isEmpty();
            });
    assertThat(ALL.changes()).anySatisfy(c -> assertThat(c.before()).isPresent());
    Golden.assertMatches("all-actions.txt", text(lean));
    Golden.assertMatches("all-actions.md", markdown(lean));
  }

  @Test
  void rendersEveryActionAndReasonAsJson() {
    var json = JsonPlanRenderer.render(ALL);
    PlanJsonSchema.assertValid(json);
    Golden.assertMatches("all-actions.json", json);
  }

  @Test
  void rendersEveryActionAndReasonAsMarkdown() {
    Golden.assertMatches("all-actions.md", markdown(ALL));
  }

  @Test
  void rendersOnlyDriftForTheDriftCommand() {
    Golden.assertMatches("drift.txt", new TextPlanRenderer(Styles.plain()).renderDrift(ALL));
    var json = JsonPlanRenderer.renderDrift(ALL);
    PlanJsonSchema.assertValid(json);
    Golden.assertMatches("drift.json", json);
    Golden.assertMatches(
        "drift.md",
        new MarkdownPlanRenderer(MarkdownPlanRenderer.DEFAULT_MAX_BYTES).renderDrift(ALL));
  }

  @Test
  void rendersAnEmptyPlan() {
    Golden.assertMatches("no-changes.txt", text(NONE));
    var json = JsonPlanRenderer.render(NONE);
    PlanJsonSchema.assertValid(json);
    Golden.assertMatches("no-changes.json", json);
    Golden.assertMatches("no-changes.md", markdown(NONE));
  }

  @Test
  void rendersATargetedPlanAsPartial() {
    Golden.assertMatches("targeted.txt", text(TARGETED));
    var json = JsonPlanRenderer.render(TARGETED);
    PlanJsonSchema.assertValid(json);
    Golden.assertMatches("targeted.json", json);
    Golden.assertMatches("targeted.md", markdown(TARGETED));
  }

  @Test
  void degradesMarkdownOverBudgetToOneLinePerResource() {
    var small = new MarkdownPlanRenderer(2000).render(ALL);
    assertThat(small.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(2000);
    Golden.assertMatches("over-budget.md", small);
  }

  @Test
  void truncatesTheOneLineListWhenEvenThatIsOverBudget() {
    var tiny = new MarkdownPlanRenderer(1100).render(ALL);
    assertThat(tiny.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(1100);
    Golden.assertMatches("far-over-budget.md", tiny);
  }

  @Test
  void neverShowsASecretValueInAnyFormat() {
    var outputs =
        List.of(
            text(ALL),
            JsonPlanRenderer.render(ALL),
            markdown(ALL),
            new MarkdownPlanRenderer(1500).render(ALL),
            JsonPlanRenderer.renderDrift(ALL));
    assertThat(outputs).allSatisfy(o -> assertThat(o).doesNotContain(PlanFixtures.SECRET));
    assertThat(text(ALL)).contains("      + parameters.admin_password = (sensitive)\n");
  }

  @Test
  void coloursSymbolsOnlyWhenAllowed() {
    var coloured = new TextPlanRenderer(Styles.of(true)).render(NONE);
    assertThat(coloured)
        .isEqualTo("\u001B[1mNo changes. Live state matches the configuration.\u001B[0m\n");
    assertThat(text(ALL)).doesNotContain("\u001B");
  }
}
