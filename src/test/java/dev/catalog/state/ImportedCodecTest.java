package dev.catalog.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The {@code imported} marker of {@code catalog import} is an optional field within format version
 * 1: states written before it existed still load, and it survives a round trip and a rename.
 */
class ImportedCodecTest {
  private static final Instant AT = Instant.parse("2026-11-21T09:00:00Z");
  private final StateCodec codec = new StateCodec();

  private static InstanceState importedInstance(boolean verified) {
    var i = TestStates.instance("orders-db");
    return new InstanceState(
        i.address(),
        i.instanceId(),
        i.broker(),
        i.service(),
        i.plan(),
        i.parameters(),
        i.context(),
        i.maintenanceInfoVersion(),
        i.dashboardUrl(),
        Optional.empty(),
        i.pendingOrphanMitigation(),
        Optional.of(new Imported(AT, verified)));
  }

  private static BindingState importedBinding(InstanceState instance) {
    var b = TestStates.binding("orders-app", instance);
    return new BindingState(
        b.address(),
        b.bindingId(),
        b.instance(),
        b.instanceId(),
        b.broker(),
        b.service(),
        b.plan(),
        b.parameters(),
        b.context(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        b.pendingOrphanMitigation(),
        Optional.of(new Imported(AT, false)));
  }

  private State state() {
    var instance = importedInstance(true);
    return State.empty(UUID.fromString("11111111-2222-3333-4444-555555555555"), "test")
        .with(instance)
        .with(importedBinding(instance));
  }

  @Test
  void anImportedMarkerRoundTrips() {
    var state = state();

    var decoded = codec.decode(codec.encode(state), "test");

    assertThat(decoded.resources()).isEqualTo(state.resources());
  }

  @Test
  void theMarkerIsWrittenAsAnObjectBeforeTheLastOperation() {
    var text = new String(codec.encode(state()), StandardCharsets.UTF_8);

    assertThat(text)
        .contains(
            "\"imported\": {\n        \"at\": \"2026-11-21T09:00:00Z\",\n"
                + "        \"verified\": true\n      }");
    assertThat(text).contains("\"verified\": false");
  }

  @Test
  void aResourceWrittenWithoutTheMarkerLoadsAsNotImported() {
    var created = State.empty(UUID.randomUUID(), "test").with(TestStates.instance("orders-db"));
    var text = new String(codec.encode(created), StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("imported");

    var decoded = codec.decode(text.getBytes(StandardCharsets.UTF_8), "test");

    var instance = (InstanceState) decoded.resource(Address.instance("orders-db")).orElseThrow();
    assertThat(instance.imported()).isEmpty();
  }

  @Test
  void aRenameKeepsTheMarker() {
    var moved = importedInstance(false).withAddress(Address.instance("billing-db"));

    assertThat(moved.imported()).contains(new Imported(AT, false));
  }

  @Test
  void aMarkerWhoseVerifiedIsNotABooleanIsReportedWithItsPath() {
    var text =
        new String(codec.encode(state()), StandardCharsets.UTF_8)
            .replace("\"verified\": true", "\"verified\": \"yes\"");

    assertThatThrownBy(() -> codec.decode(text.getBytes(StandardCharsets.UTF_8), "test"))
        .isInstanceOf(StateFormatException.class)
        .hasMessage(
            "state test is invalid at resources.instance.orders-db.imported.verified:"
                + " expected true or false; it was not changed");
  }
}
