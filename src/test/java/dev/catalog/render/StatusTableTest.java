package dev.catalog.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.state.OperationState;
import dev.catalog.state.State;
import dev.catalog.state.TestStates;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code catalog status}: one aligned line per resource, as cf services lists them. */
class StatusTableTest {
  @Test
  void listsEveryResourceWithItsLastOperationAgeAndDashboardOrInstance() {
    var db = TestStates.instance("orders-db").withPreventDestroy(true);
    var state =
        State.empty(UUID.randomUUID(), "test")
            .with(db)
            .with(TestStates.instance("events", OperationState.IN_PROGRESS))
            .with(TestStates.binding("orders-app", db));

    var table = StatusTable.render(state, TestStates.STARTED.plus(Duration.ofMinutes(185)));

    assertThat(table)
        .isEqualTo(
            """
            address                          service/plan     broker            last operation       age    dashboard / bound to
            instance.events                  postgres/small   postgres-broker   create in progress   3h5m   https://dash.example/events
            instance.orders-db (protected)   postgres/small   postgres-broker   create succeeded     3h5m   https://dash.example/orders-db
            binding.orders-app               postgres/small   postgres-broker   create succeeded     3h5m   instance.orders-db
            """);
  }

  @Test
  void agesUseTheLargestOneOrTwoUnits() {
    assertThat(StatusTable.age(Duration.ofSeconds(45))).isEqualTo("45s");
    assertThat(StatusTable.age(Duration.ofMinutes(12))).isEqualTo("12m");
    assertThat(StatusTable.age(Duration.ofHours(3))).isEqualTo("3h");
    assertThat(StatusTable.age(Duration.ofHours(52))).isEqualTo("2d4h");
  }
}
