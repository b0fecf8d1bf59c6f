package dev.catalog.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code prevent_destroy} (issue 15) is an optional field within state format version 1: written
 * only when set, absent in older states, and kept through a rename and new operations.
 */
class PreventDestroyCodecTest {
  private final StateCodec codec = new StateCodec();

  private static State state() {
    var instance = TestStates.instance("orders-db").withPreventDestroy(true);
    return State.empty(UUID.randomUUID(), "test")
        .with(instance)
        .with(TestStates.binding("orders-app", instance).withPreventDestroy(true))
        .with(TestStates.instance("reports-db"));
  }

  @Test
  void protectedInstancesAndBindingsRoundTrip() {
    var state = state();

    var decoded = codec.decode(codec.encode(state), "test");

    assertThat(decoded.resources()).isEqualTo(state.resources());
    assertThat(decoded.resource(Address.binding("orders-app")).orElseThrow().preventDestroy())
        .isTrue();
  }

  @Test
  void theFieldIsWrittenOnlyForProtectedResources() {
    var text = new String(codec.encode(state()), StandardCharsets.UTF_8);

    assertThat(text.split("\"prevent_destroy\": true", -1)).hasSize(3);
    assertThat(text).doesNotContain("\"prevent_destroy\": false");
  }

  @Test
  void aRenameAndANewLastOperationKeepTheProtection() {
    var instance = TestStates.instance("orders-db").withPreventDestroy(true);

    var moved = instance.withAddress(Address.instance("billing-db"));

    assertThat(moved.preventDestroy()).isTrue();
    assertThat(moved.withLastOperation(moved.lastOperation().orElseThrow()).preventDestroy())
        .isTrue();
  }

  @Test
  void aValueThatIsNotABooleanIsReportedWithItsPath() {
    var text =
        new String(codec.encode(state()), StandardCharsets.UTF_8)
            .replaceFirst("\"prevent_destroy\": true", "\"prevent_destroy\": \"yes\"");

    assertThatThrownBy(() -> codec.decode(text.getBytes(StandardCharsets.UTF_8), "test"))
        .isInstanceOf(StateFormatException.class)
        .hasMessage(
            "state test is invalid at resources.instance.orders-db.prevent_destroy:"
                + " expected true or false; it was not changed");
  }
}
