package dev.catalog.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.catalog.CatalogException;
import dev.catalog.state.State;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Saved plans refuse to apply against a state that moved on, another lineage or backend. */
class SavedPlanTest {
  private static final String BACKEND = "local:/work/catalog.state.json";
  private static final State STATE = PlanFixtures.empty().withSerial(41, "test");
  private static final SavedPlan SAVED =
      new SavedPlan(
          PlanFixtures.LINEAGE,
          41,
          BACKEND,
          "sha256:abc",
          "0.1.0",
          Optional.of("0123abcd"),
          List.of(),
          true,
          false,
          JsonNodeFactory.instance.objectNode());

  @Test
  void acceptsTheStateAndConfigurationItWasMadeAgainst() {
    assertThatCode(() -> SAVED.check(STATE, BACKEND)).doesNotThrowAnyException();
    assertThatCode(() -> SAVED.checkDesired("sha256:abc")).doesNotThrowAnyException();
  }

  @Test
  void refusesAStateThatMovedOn() {
    var thrown = catchThrowable(() -> SAVED.check(STATE.withSerial(42, "test"), BACKEND));

    assertThat(thrown)
        .isInstanceOf(StalePlanException.class)
        .hasMessage(
            "state was changed by"
                + " another run since this plan was made (plan serial 41, state serial 42); run"
                + " \"catalog plan\" again");
  }

  @Test
  void refusesAnotherLineage() {
    var other =
        State.empty(UUID.fromString("00000000-0000-4000-8000-000000000002"), "t")
            .withSerial(41, "t");

    var thrown = catchThrowable(() -> SAVED.check(other, BACKEND));

    assertThat(thrown)
        .isInstanceOf(StalePlanException.class)
        .hasMessage(
            "this plan was made"
                + " against state lineage "
                + PlanFixtures.LINEAGE
                + ", but the state at "
                + BACKEND
                + " has lineage 00000000-0000-4000-8000-000000000002: it is another state; run"
                + " \"catalog plan\" again");
  }

  @Test
  void refusesAnotherBackend() {
    var thrown = catchThrowable(() -> SAVED.check(STATE, "git:https://example/state.git"));

    assertThat(thrown)
        .isInstanceOf(StalePlanException.class)
        .hasMessage(
            "this plan was made"
                + " against the state at "
                + BACKEND
                + ", but this run uses git:https://example/state.git;"
                + " apply it with the same backend options, or run \"catalog plan\" again");
  }

  @Test
  void refusesAChangedConfigurationOrCatalog() {
    var thrown = catchThrowable(() -> SAVED.checkDesired("sha256:def"));

    assertThat(thrown)
        .isInstanceOf(StalePlanException.class)
        .hasMessage(
            "the configuration, a secret it references or a broker's catalog changed since this"
                + " plan was made; run \"catalog plan\" again");
  }

  @Test
  void readsBackWhatItWrites() {
    var read = SavedPlan.parse(SAVED.toBytes(), "plan.json");

    assertThat(read).isEqualTo(SAVED);
  }

  @Test
  void refusesAFileThatIsNotASavedPlan() {
    var thrown =
        catchThrowable(
            () ->
                SavedPlan.parse(
                    "{\"format_version\": \"1.0\"}".getBytes(StandardCharsets.UTF_8), "plan.json"));

    assertThat(thrown)
        .isInstanceOf(CatalogException.class)
        .hasMessage("plan.json: not a saved plan (made with \"catalog plan --out\")");
  }

  @Test
  void hashesTheDesiredStateWithoutSecretsAndNoticesAChange() {
    var plan = PlanFixtures.allActions(List.of());
    var hash = DesiredHash.of(plan, PlanFixtures.LINEAGE);

    assertThat(DesiredHash.of(PlanFixtures.allActions(List.of()), PlanFixtures.LINEAGE))
        .isEqualTo(hash);
    assertThat(DesiredHash.of(PlanFixtures.noChanges(), PlanFixtures.LINEAGE)).isNotEqualTo(hash);
    assertThat(new String(SAVED.toBytes(), StandardCharsets.UTF_8))
        .doesNotContain(PlanFixtures.SECRET);
  }

  @Test
  void readsBackTheOptionsItWasMadeWith() {
    var targeted =
        new SavedPlan(
            PlanFixtures.LINEAGE,
            41,
            BACKEND,
            "sha256:abc",
            "0.1.0",
            Optional.empty(),
            List.of(dev.catalog.state.Address.binding("params-app")),
            false,
            true,
            JsonNodeFactory.instance.objectNode());

    var read = SavedPlan.parse(targeted.toBytes(), "plan.json");

    assertThat(read).isEqualTo(targeted);
    assertThat(read.options(7))
        .isEqualTo(
            new PlanOptions(false, 7, List.of(dev.catalog.state.Address.binding("params-app"))));
  }

  @Test
  void refusesASavedPlanOfTheFirstFormat() {
    var first =
        "{\"saved_plan_version\": \"1\", \"plan\": {}}".getBytes(StandardCharsets.UTF_8);

    var thrown = catchThrowable(() -> SavedPlan.parse(first, "plan.json"));

    assertThat(thrown)
        .isInstanceOf(CatalogException.class)
        .hasMessage(
            "plan.json: saved plan format 1 is not supported by this version of catalog (it reads"
                + " 2); run \"catalog plan\" again");
  }

  @Test
  void acceptsTheSameChangesAndRefusesOtherOnesListingEachDifference() {
    var reviewed = document(PlanFixtures.allActions(List.of()));
    var saved =
        new SavedPlan(
            PlanFixtures.LINEAGE, 41, BACKEND, "h", "0.1.0", Optional.empty(), List.of(), true,
            false, reviewed);

    saved.checkChanges(document(PlanFixtures.allActions(List.of())));
    var thrown = catchThrowable(() -> saved.checkChanges(document(PlanFixtures.noChanges())));

    assertThat(thrown).isInstanceOf(StalePlanException.class);
    assertThat(thrown.getMessage())
        .startsWith(
            "the changes apply would make now differ from the saved plan; refusing to apply"
                + " changes that were not reviewed:\n  ")
        .endsWith("\nrun \"catalog plan\" again and review the new plan");
  }

  private static com.fasterxml.jackson.databind.JsonNode document(Plan plan) {
    return dev.catalog.render.JsonPlanRenderer.document(
        dev.catalog.render.PlanViews.of(plan), false);
  }
}
