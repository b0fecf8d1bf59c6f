package dev.catalog.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A codec that keeps the text of unchanged resources between documents (issue 18) writes, byte for
 * byte, what encoding every resource again writes: on both layouts, across changes, additions and
 * removals, and when a state crosses from one layout to the other.
 */
class ResourceFragmentsTest {
  private static final UUID LINEAGE = UUID.fromString("11111111-2222-3333-4444-555555555555");

  private final StateCodec codec = new StateCodec();

  private static State withInstances(int count) {
    var state =
        State.empty(LINEAGE, "0.1.0")
            .withBroker("pg", new BrokerRecord("https://pg.example", "sha256:cafe"));
    var resources = new java.util.TreeMap<Address, ResourceState>();
    for (int i = 0; i < count; i++) {
      var db = TestStates.instance("db-" + i);
      resources.put(db.address(), db);
      if (i % 3 == 0) {
        var app = TestStates.binding("app-" + i, db);
        resources.put(app.address(), app);
      }
    }
    return new State(state.lineage(), 7, state.toolVersion(), state.brokers(), resources);
  }

  /** What {@code codec} writes must equal a fresh codec's whole encoding. */
  private void assertSameAsWhole(State state) {
    var whole = new String(new StateCodec().encodeWhole(state), StandardCharsets.UTF_8);
    assertThat(new String(codec.encode(state), StandardCharsets.UTF_8)).isEqualTo(whole);
  }

  @Test
  void anEmptyStateIsWrittenAsWhenEncodedWhole() {
    assertSameAsWhole(State.empty(LINEAGE, "0.1.0"));
  }

  @Test
  void aPrettyPrintedStateIsTheSameAfterAChangeAnAdditionAndARemoval() {
    var state = withInstances(10);
    assertSameAsWhole(state);

    var changed = state.with(TestStates.instance("db-3", OperationState.IN_PROGRESS));
    assertSameAsWhole(changed);
    var added = changed.with(TestStates.instance("db-new"));
    assertSameAsWhole(added);
    var removed = added.without(Address.instance("db-0"));
    assertSameAsWhole(removed);
  }

  @Test
  void aStateWrittenOneResourcePerLineIsTheSameAfterAChange() {
    var state = withInstances(StateCodec.LINE_PER_RESOURCE_ABOVE);
    assertThat(state.resources().size()).isGreaterThan(StateCodec.LINE_PER_RESOURCE_ABOVE);
    assertSameAsWhole(state);

    assertSameAsWhole(state.with(TestStates.instance("db-500", OperationState.FAILED)));
  }

  @Test
  void aStateThatCrossesFromOneLayoutToTheOtherAndBackIsTheSame() {
    var small = withInstances(12);
    assertSameAsWhole(small);
    var large = withInstances(StateCodec.LINE_PER_RESOURCE_ABOVE);
    assertSameAsWhole(large);
    assertSameAsWhole(small);
  }
}
