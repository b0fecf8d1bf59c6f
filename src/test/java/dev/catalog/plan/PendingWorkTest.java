package dev.catalog.plan;

import static dev.catalog.plan.PlanFixtures.DB;
import static dev.catalog.plan.PlanFixtures.SMALL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.plan.LiveResource.Status;
import dev.catalog.render.JsonPlanRenderer;
import dev.catalog.render.PlanViews;
import dev.catalog.render.Styles;
import dev.catalog.render.TextPlanRenderer;
import dev.catalog.state.Address;
import dev.catalog.state.InstanceState;
import dev.catalog.state.LastOperation;
import dev.catalog.state.OperationState;
import dev.catalog.state.OperationType;
import dev.catalog.state.OrphanMitigation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Work an earlier apply left is part of the plan (issue 19, item 6): listed, counted in the
 * summary, and never hidden behind "No changes".
 */
class PendingWorkTest {
  private static final String UNCHANGED = "plan: small\n    parameters: { storage_gb: 20 }";

  @TempDir Path dir;

  @Test
  void anUpdateLeftInFlightIsListedAndCountedAndThePlanIsNotNoChanges() throws IOException {
    var recorded =
        PlanFixtures.instance("db", "acme", DB, SMALL, "{\"storage_gb\": 20}", "1.1.0")
            .withLastOperation(
                new LastOperation(
                    OperationType.UPDATE,
                    OperationState.IN_PROGRESS,
                    Optional.of("op-7"),
                    RecordedFixture.STARTED,
                    Optional.empty()));

    var plan = SingleInstancePlans.plan(dir, UNCHANGED, recorded, Status.FOUND);

    assertThat(plan.hasChanges()).isFalse();
    assertThat(plan.hasWork()).isTrue();
    assertThat(plan.pending())
        .containsExactly(
            new PendingWork(
                Address.instance("db"),
                recorded.instanceId(),
                PendingWork.Kind.RESUME,
                OperationType.UPDATE,
                RecordedFixture.STARTED,
                Optional.empty()));
    assertThat(new TextPlanRenderer(Styles.plain()).render(PlanViews.of(plan)))
        .isEqualTo(
            """
            catalog will first finish what an earlier apply left:

              ~ instance.db: update in flight since %s: apply resumes it

            Plan: 0 to add, 0 to change, 0 to destroy, 1 to finish.
            """
                .formatted(RecordedFixture.STARTED));
  }

  @Test
  void aPendingOrphanMitigationIsListedWithItsReasonInTextAndJson() throws IOException {
    var i = PlanFixtures.instance("db", "acme", DB, SMALL, "{\"storage_gb\": 20}", "1.1.0");
    var mitigation =
        new OrphanMitigation(
            OperationType.DEPROVISION, "provision answered 500", RecordedFixture.STARTED);
    var recorded =
        new InstanceState(
            i.address(),
            i.instanceId(),
            i.broker(),
            i.service(),
            i.plan(),
            i.parameters(),
            i.context(),
            i.maintenanceInfoVersion(),
            i.dashboardUrl(),
            i.lastOperation(),
            List.of(mitigation),
            i.imported());

    var plan = SingleInstancePlans.plan(dir, UNCHANGED, recorded, Status.FOUND);
    var json = JsonPlanRenderer.render(PlanViews.of(plan));

    assertThat(new TextPlanRenderer(Styles.plain()).render(PlanViews.of(plan)))
        .contains(
            "  ~ instance.db: orphan mitigation pending since "
                + RecordedFixture.STARTED
                + " (provision answered 500): apply first sends deprovision of "
                + i.instanceId()
                + "\n")
        .endsWith("Plan: 0 to add, 0 to change, 0 to destroy, 1 to finish.\n");
    assertThat(json)
        .contains("\"applyable\" : true")
        .contains("\"pending\" : 1")
        .contains("\"kind\" : \"orphan_mitigation\"");
  }

  @Test
  void aPlanWithoutRefreshSaysLiveStateWasNotRead() {
    var plan = PlanFixtures.noChanges();
    var view = PlanViews.of(plan);
    var unread =
        new dev.catalog.render.PlanView(
            view.changes(), view.drift(), view.pending(), view.notes(), view.targets(), false);

    assertThat(TextPlanRenderer.summary(view))
        .isEqualTo("No changes. Live state matches the configuration.");
    assertThat(TextPlanRenderer.summary(unread))
        .isEqualTo(
            "No changes. The configuration matches the recorded state; live state was not read"
                + " (--refresh=false).");
  }
}
