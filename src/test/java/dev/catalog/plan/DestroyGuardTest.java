package dev.catalog.plan;

import static dev.catalog.plan.PlanFixtures.DB;
import static dev.catalog.plan.PlanFixtures.SMALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.catalog.CatalogException;
import dev.catalog.config.ConfigLoader;
import dev.catalog.state.Address;
import dev.catalog.state.State;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The destroy guards of issue 15: preventDestroy as recorded in state, the state-only changes that
 * record it, and --max-destroy.
 */
class DestroyGuardTest {
  @TempDir Path dir;

  private static final String HEAD =
      """
      apiVersion: catalog/v1
      brokers:
        - { name: acme, url: "http://127.0.0.1:1/acme" }
      """;

  private static final String DB_SMALL =
      """
      instances:
        - name: db
          broker: acme
          service: db
          plan: small
      """;

  private Path file;

  private Plan plan(String body, State state) throws IOException {
    file = dir.resolve("catalog.yaml");
    Files.writeString(file, HEAD + body);
    var config = new ConfigLoader(Map.of()).load(List.of(file));
    var live = new HashMap<Address, LiveResource>();
    state.resources().values().forEach(r -> live.put(r.address(), PlanFixtures.found(r)));
    var refreshed = new Refreshed(TestCatalogs.both(), live, List.of(), true);
    return PlanFixtures.planner().plan(config, state, refreshed, List.of(), List.of());
  }

  private String refusal(String body, State state) {
    var thrown = catchThrowable(() -> plan(body, state));
    assertThat(thrown).isInstanceOf(CatalogException.class);
    return thrown.getMessage().replace(file.toString(), "catalog.yaml");
  }

  private static State protectedDb() {
    return PlanFixtures.empty()
        .with(PlanFixtures.instance("db", "acme", DB, SMALL, "{}", null).withPreventDestroy(true));
  }

  @Test
  void refusesToDeleteAnInstanceWhoseYamlEntryIsGoneWhenStateRecordsPreventDestroy() {
    var message = refusal("instances: []\n", protectedDb());

    assertThat(message)
        .isEqualTo(
            "instance.db: the plan would delete it, but state records lifecycle.preventDestroy:"
                + " true from its last apply; to delete it, set preventDestroy: false in its YAML"
                + " entry (declare it again if it was removed) and apply, then delete it");
  }

  @Test
  void refusesToReplaceWhenTheYamlLiftsPreventDestroyInTheSameChange() {
    var message =
        refusal(
            """
            instances:
              - name: db
                broker: acme
                service: cache
                plan: basic
                lifecycle: { preventDestroy: false }
            """,
            protectedDb());

    assertThat(message)
        .isEqualTo(
            "catalog.yaml:9:34: instances[0].lifecycle.preventDestroy: instance \"db\" would be"
                + " destroyed (replace) but state still records preventDestroy: true from its last"
                + " apply; apply preventDestroy: false on its own first (no broker request), then"
                + " make this change");
  }

  @Test
  void liftingPreventDestroyIsAStateOnlyChangeThatCountsAsWork() throws IOException {
    var plan = plan(DB_SMALL, protectedDb());

    assertThat(plan.changes()).extracting(ResourceChange::action).containsExactly(Action.NO_OP);
    assertThat(plan.stateChanges())
        .containsExactly(
            new StateOnlyChange(Address.instance("db"), StateOnlyChange.Kind.UNPROTECT));
    assertThat(plan.hasWork()).isTrue();
  }

  @Test
  void settingPreventDestroyOnARecordedInstanceIsRecordedWithoutABrokerRequest()
      throws IOException {
    var state =
        PlanFixtures.empty().with(PlanFixtures.instance("db", "acme", DB, SMALL, "{}", null));

    var plan = plan(DB_SMALL + "    lifecycle: { preventDestroy: true }\n", state);

    assertThat(plan.hasChanges()).isFalse();
    assertThat(plan.stateChanges())
        .containsExactly(new StateOnlyChange(Address.instance("db"), StateOnlyChange.Kind.PROTECT));
  }

  @Test
  void aProtectedInstanceWhoseYamlStillProtectsItPlansNothing() throws IOException {
    var plan = plan(DB_SMALL + "    lifecycle: { preventDestroy: true }\n", protectedDb());

    assertThat(plan.hasWork()).isFalse();
  }

  @Test
  void refusesToDeleteABindingWhoseStateRecordsPreventDestroy() {
    var state =
        PlanFixtures.empty()
            .with(PlanFixtures.instance("db", "acme", DB, SMALL, "{}", null))
            .with(PlanFixtures.binding("db-app", "db", DB, SMALL, "{}").withPreventDestroy(true));

    var message = refusal(DB_SMALL, state);

    assertThat(message)
        .isEqualTo(
            "binding.db-app: the plan would delete it, but state records lifecycle.preventDestroy:"
                + " true from its last apply; to delete it, set preventDestroy: false in its YAML"
                + " entry (declare it again if it was removed) and apply, then delete it");
  }

  @Test
  void refusesToReplaceABindingThatDeclaresPreventDestroy() {
    var state =
        PlanFixtures.empty()
            .with(PlanFixtures.instance("db", "acme", DB, SMALL, "{}", null))
            .with(PlanFixtures.binding("db-app", "db", DB, SMALL, "{}"));

    var message =
        refusal(
            DB_SMALL
                + """
                bindings:
                  - name: db-app
                    instance: db
                    parameters: { role: admin }
                    credentials: { file: { path: out/db.json } }
                    lifecycle: { preventDestroy: true }
                """,
            state);

    assertThat(message)
        .isEqualTo(
            "catalog.yaml:14:34: bindings[0].lifecycle.preventDestroy: binding \"db-app\" would be"
                + " destroyed (replace) but preventDestroy is set; revert the change that forces"
                + " replacement, or set preventDestroy: false");
  }

  @Test
  void maxDestroyRefusesAPlanThatDestroysMoreNamingEachResource() throws IOException {
    var state =
        PlanFixtures.empty()
            .with(PlanFixtures.instance("db", "acme", DB, SMALL, "{}", null))
            .with(PlanFixtures.instance("old", "acme", DB, SMALL, "{}", null));
    var plan =
        plan(
            """
            instances:
              - { name: db, broker: acme, service: cache, plan: basic }
            """,
            state);

    var thrown = catchThrowable(() -> DestroyGuard.checkLimit(plan, Optional.of(1)));

    assertThat(thrown)
        .hasMessage(
            "the plan would destroy 2 resources (instance.db (replace), instance.old), more than"
                + " --max-destroy 1 allows; nothing was changed. Review the plan; if it is"
                + " intended, run again with --max-destroy 2");
  }

  @Test
  void maxDestroyAllowsAPlanThatDestroysExactlyTheLimit() throws IOException {
    var state =
        PlanFixtures.empty().with(PlanFixtures.instance("old", "acme", DB, SMALL, "{}", null));
    var plan = plan("instances: []\n", state);

    DestroyGuard.checkLimit(plan, Optional.of(1));

    assertThat(plan.toDestroy()).isEqualTo(1);
  }
}
