package dev.catalog.plan;

import static dev.catalog.plan.PlanFixtures.BASIC;
import static dev.catalog.plan.PlanFixtures.CACHE;
import static dev.catalog.plan.PlanFixtures.DB;
import static dev.catalog.plan.PlanFixtures.SMALL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.plan.LiveResource.Status;
import dev.catalog.state.Address;
import dev.catalog.state.InstanceState;
import dev.catalog.state.LastOperation;
import dev.catalog.state.OperationState;
import dev.catalog.state.OperationType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The action matrix of one instance: declaration x record x live state -> action and reasons. */
class ActionMatrixTest {
  @TempDir Path dir;

  private static final InstanceState RECORDED =
      PlanFixtures.instance("db", "acme", DB, SMALL, "{\"storage_gb\": 20}", "1.1.0");

  private static final InstanceState NESTED =
      PlanFixtures.instance(
          "db",
          "acme",
          DB,
          SMALL,
          "{\"storage_gb\": 20, \"backup\": {\"window\": \"02:00\", \"keep\": 7}}",
          "1.1.0");

  static Stream<Arguments> rows() {
    var inFlight =
        RECORDED.withLastOperation(
            new LastOperation(
                OperationType.PROVISION,
                OperationState.IN_PROGRESS,
                Optional.of("op-1"),
                RecordedFixture.STARTED,
                Optional.empty()));
    return Stream.of(
        row(
            "a new declaration is created",
            "plan: small",
            null,
            Status.NOT_REFRESHED,
            Action.CREATE,
            List.of(ActionReason.NEW_RESOURCE)),
        row(
            "an unchanged instance is a no-op",
            "plan: small\n    parameters: { storage_gb: 20 }",
            RECORDED,
            Status.FOUND,
            Action.NO_OP,
            List.of()),
        row(
            "a plan change on an updateable plan updates",
            "plan: large\n    parameters: { storage_gb: 20 }",
            RECORDED,
            Status.FOUND,
            Action.UPDATE,
            List.of(ActionReason.PLAN_CHANGED)),
        row(
            "a plan change on a non-updateable plan replaces",
            "service: cache\n    plan: premium",
            PlanFixtures.instance("db", "acme", CACHE, BASIC, "{}", null),
            Status.NOT_RETRIEVABLE,
            Action.REPLACE,
            List.of(ActionReason.PLAN_NOT_UPDATEABLE)),
        row(
            "a service change replaces",
            "service: cache\n    plan: basic",
            RECORDED,
            Status.FOUND,
            Action.REPLACE,
            List.of(ActionReason.SERVICE_CHANGED)),
        row(
            "a broker change replaces",
            "broker: beta\n    plan: small",
            RECORDED,
            Status.FOUND,
            Action.REPLACE,
            List.of(ActionReason.BROKER_CHANGED)),
        row(
            "a parameter change updates",
            "plan: small\n    parameters: { storage_gb: 30 }",
            RECORDED,
            Status.FOUND,
            Action.UPDATE,
            List.of(ActionReason.PARAMETERS_CHANGED)),
        row(
            "an ignored parameter change is a no-op",
            "plan: small\n    parameters: { storage_gb: 30 }\n"
                + "    lifecycle: { ignoreParameters: [storage_gb] }",
            RECORDED,
            Status.FOUND,
            Action.NO_OP,
            List.of()),
        row(
            "a change under an ignored JSON Pointer is a no-op",
            "plan: small\n    parameters: { storage_gb: 20, backup: { window: '03:00', keep: 7 } }\n"
                + "    lifecycle: { ignoreParameters: [/backup/window] }",
            NESTED,
            Status.FOUND,
            Action.NO_OP,
            List.of()),
        row(
            "a change beside an ignored JSON Pointer still updates",
            "plan: small\n    parameters: { storage_gb: 20, backup: { window: '03:00', keep: 14 } }\n"
                + "    lifecycle: { ignoreParameters: [/backup/window] }",
            NESTED,
            Status.FOUND,
            Action.UPDATE,
            List.of(ActionReason.PARAMETERS_CHANGED)),
        row(
            "maintenance auto takes a newer maintenance_info",
            "plan: small\n    parameters: { storage_gb: 20 }\n    maintenance: auto",
            PlanFixtures.instance("db", "acme", DB, SMALL, "{\"storage_gb\": 20}", "1.0.0"),
            Status.FOUND,
            Action.UPDATE,
            List.of(ActionReason.MAINTENANCE_UPGRADE_AVAILABLE)),
        row(
            "maintenance pinned does not",
            "plan: small\n    parameters: { storage_gb: 20 }",
            PlanFixtures.instance("db", "acme", DB, SMALL, "{\"storage_gb\": 20}", "1.0.0"),
            Status.FOUND,
            Action.NO_OP,
            List.of()),
        row(
            "an instance gone at the broker is created again",
            "plan: small\n    parameters: { storage_gb: 20 }",
            RECORDED,
            Status.GONE,
            Action.CREATE,
            List.of(ActionReason.GONE_AT_BROKER)),
        row(
            "a 404 while the provision is in flight is not drift",
            "plan: small\n    parameters: { storage_gb: 20 }",
            inFlight,
            Status.PENDING,
            Action.NO_OP,
            List.of()),
        row(
            "a context change without allow_context_updates is not sent",
            "service: cache\n    plan: basic\n    context: { team: blue }",
            PlanFixtures.instance("db", "acme", CACHE, BASIC, "{}", null),
            Status.NOT_RETRIEVABLE,
            Action.NO_OP,
            List.of()),
        row(
            "a context change with allow_context_updates updates",
            "plan: small\n    parameters: { storage_gb: 20 }\n    context: { team: blue }",
            RECORDED,
            Status.FOUND,
            Action.UPDATE,
            List.of(ActionReason.CONTEXT_CHANGED)));
  }

  private static Arguments row(
      String name,
      String declaration,
      InstanceState recorded,
      Status live,
      Action action,
      List<ActionReason> reasons) {
    return Arguments.of(name, declaration, recorded, live, action, reasons);
  }

  @Test
  void aCreateOverAnInstanceGoneAtTheBrokerCarriesTheGoneRecordSoApplyReplacesIt()
      throws IOException {
    var plan =
        SingleInstancePlans.plan(
            dir, "plan: small\n    parameters: { storage_gb: 20 }", RECORDED, Status.GONE);

    var change = plan.change(Address.instance("db")).orElseThrow();
    assertThat(change.action()).isEqualTo(Action.CREATE);
    assertThat(change.recorded()).contains(RECORDED);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void plansTheActionAndReasonsOfOneInstance(
      String name,
      String declaration,
      InstanceState recorded,
      Status live,
      Action action,
      List<ActionReason> reasons)
      throws IOException {
    var plan = SingleInstancePlans.plan(dir, declaration, recorded, live);

    var change = plan.change(Address.instance("db")).orElseThrow();
    assertThat(change.action()).isEqualTo(action);
    assertThat(change.reasons()).isEqualTo(reasons);
  }

  @Test
  void aPinnedMaintenanceUpgradeIsAWarningPrefixedWithTheBroker() throws IOException {
    var plan =
        SingleInstancePlans.plan(
            dir,
            "plan: small\n    parameters: { storage_gb: 20 }",
            PlanFixtures.instance("db", "acme", DB, SMALL, "{\"storage_gb\": 20}", "1.0.0"),
            Status.FOUND);

    assertThat(plan.notes())
        .contains(
            "broker \"acme\": instance.db: maintenance upgrade available from 1.0.0 to 1.1.0"
                + " (security fixes); set maintenance: auto to take it");
  }

  @Test
  void aContextChangeThatIsNotSentIsAWarningPrefixedWithTheBroker() throws IOException {
    var plan =
        SingleInstancePlans.plan(
            dir,
            "service: cache\n    plan: basic\n    context: { team: blue }",
            PlanFixtures.instance("db", "acme", CACHE, BASIC, "{}", null),
            Status.NOT_RETRIEVABLE);

    assertThat(plan.notes())
        .contains(
            "broker \"acme\": instance.db: the context changed, but service \"cache\" does not"
                + " allow context updates (allow_context_updates is false): the change is not"
                + " propagated until the instance is updated for another reason");
  }
}
