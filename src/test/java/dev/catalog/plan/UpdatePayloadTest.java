package dev.catalog.plan;

import static dev.catalog.plan.PlanFixtures.DB;
import static dev.catalog.plan.PlanFixtures.SMALL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.plan.LiveResource.Status;
import dev.catalog.state.Address;
import java.io.IOException;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Update requests carry only what changed (checklist U-03, U-06, U-07, U-08, U-09, U-13). */
class UpdatePayloadTest {
  @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir;

  static Stream<Arguments> payloads() {
    return Stream.of(
        Arguments.of(
            "plan: large\n    parameters: { storage_gb: 20 }",
            "1.1.0",
            Optional.of("plan-db-large"),
            Optional.empty(),
            Optional.empty()),
        Arguments.of(
            "plan: small\n    parameters: { storage_gb: 30 }",
            "1.1.0",
            Optional.empty(),
            Optional.of("{\"storage_gb\":30}"),
            Optional.empty()),
        Arguments.of(
            "plan: small\n    parameters: { storage_gb: 20 }\n    maintenance: auto",
            "1.0.0",
            Optional.empty(),
            Optional.empty(),
            Optional.of("1.1.0")));
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void sendsOnlyWhatChangedAndAlwaysThePreviousValues(
      String declaration,
      String recordedVersion,
      Optional<String> planId,
      Optional<String> parameters,
      Optional<String> maintenance)
      throws IOException {
    var recorded =
        PlanFixtures.instance("db", "acme", DB, SMALL, "{\"storage_gb\": 20}", recordedVersion);

    var update =
        SingleInstancePlans.plan(dir, declaration, recorded, Status.FOUND)
            .change(Address.instance("db"))
            .orElseThrow()
            .update()
            .orElseThrow();

    var request = update.toRequest();
    assertThat(request.serviceId()).isEqualTo("svc-db");
    assertThat(request.planId()).isEqualTo(planId);
    assertThat(request.parameters().map(Object::toString)).isEqualTo(parameters);
    assertThat(request.maintenanceInfoVersion()).isEqualTo(maintenance);
    assertThat(request.previousPlanId()).contains("plan-db-small");
    assertThat(request.previousMaintenanceInfoVersion()).contains(recordedVersion);
    assertThat(request.context().toString())
        .isEqualTo("{\"platform\":\"catalog\",\"instance_name\":\"db\"}");
  }
}
