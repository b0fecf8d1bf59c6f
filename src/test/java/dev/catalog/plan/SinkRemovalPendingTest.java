package dev.catalog.plan;

import static dev.catalog.plan.PlanFixtures.DB;
import static dev.catalog.plan.PlanFixtures.SMALL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.state.Address;
import dev.catalog.state.DeliveredSink;
import dev.catalog.state.SinkDescription;
import dev.catalog.state.State;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: a sink move killed after the new sink was recorded leaves the old sink to remove; it
 * is unfinished work the plan lists, so the plan never says "No changes" while apply removes it.
 */
class SinkRemovalPendingTest {
  private static final DeliveredSink DELIVERED =
      new DeliveredSink("sha256:aaaa", "sha256:bbbb", "hmac-sha256:cccc");

  @Test
  void anOldSinkStillToRemoveIsPendingWorkNamingIt() {
    var binding =
        PlanFixtures.binding("db-app", "db", DB, SMALL, "{}")
            .withDelivered(
                DELIVERED.replacing(new SinkDescription.KubernetesSecret("shop", "orders-db")));
    var state = State.empty(UUID.randomUUID(), "0.1.0").with(binding);

    assertThat(UnfinishedWork.in(binding)).isTrue();
    var pending = UnfinishedWork.pending(state);
    assertThat(pending).hasSize(1);
    assertThat(pending.get(0).address()).isEqualTo(Address.binding("db-app"));
    assertThat(pending.get(0).kind()).isEqualTo(PendingWork.Kind.SINK_REMOVAL);
    assertThat(pending.get(0).describe())
        .isEqualTo(
            "its credentials moved to the sink the configuration names, but the old sink secret"
                + " shop/orders-db was not removed yet (an apply was interrupted): apply removes"
                + " it");
  }

  @Test
  void onceTheOldSinkIsForgottenNothingIsPending() {
    var binding =
        PlanFixtures.binding("db-app", "db", DB, SMALL, "{}")
            .withDelivered(
                DELIVERED
                    .replacing(new SinkDescription.File("/etc/app/db.json"))
                    .withoutReplaced());

    assertThat(UnfinishedWork.in(binding)).isFalse();
    assertThat(UnfinishedWork.pending(State.empty(UUID.randomUUID(), "0.1.0").with(binding)))
        .isEmpty();
  }
}
