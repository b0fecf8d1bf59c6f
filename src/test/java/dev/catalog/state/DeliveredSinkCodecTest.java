package dev.catalog.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 13: state keeps the digests of the last delivery beside the sink, and only those. */
class DeliveredSinkCodecTest {
  private final StateCodec codec = new StateCodec();

  @Test
  void theDeliveryDigestsAreWrittenInTheSinkObjectAndReadBack() {
    var db = TestStates.instance("orders-db");
    var delivered = new DeliveredSink("sha256:aaaa", "sha256:bbbb", "hmac-sha256:cccc");
    var state =
        State.empty(UUID.fromString("11111111-2222-3333-4444-555555555555"), "0.1.0")
            .with(db)
            .with(TestStates.binding("orders-app", db).withDelivered(delivered));

    var text = new String(codec.encode(state), StandardCharsets.UTF_8);

    assertThat(text)
        .contains(
            """
            "sink": {
              "type": "kubernetes-secret",
              "namespace": "apps",
              "name": "orders-app-credentials",
              "config_digest": "sha256:aaaa",
              "shaping_digest": "sha256:bbbb",
              "content_fingerprint": "hmac-sha256:cccc"
            },\
            """
                .indent(6)
                .stripTrailing());
    var back =
        (BindingState)
            codec
                .decode(codec.encode(state), "test")
                .resource(Address.binding("orders-app"))
                .orElseThrow();
    assertThat(back.delivered()).contains(delivered);
  }

  @Test
  void aRecordOfAnEarlierVersionHasNoDigests() {
    var db = TestStates.instance("orders-db");
    var state =
        State.empty(UUID.fromString("11111111-2222-3333-4444-555555555555"), "0.1.0")
            .with(db)
            .with(TestStates.binding("orders-app", db));

    var back =
        (BindingState)
            codec
                .decode(codec.encode(state), "test")
                .resource(Address.binding("orders-app"))
                .orElseThrow();

    assertThat(back.delivered()).isEmpty();
    assertThat(back.sink()).isPresent();
  }

  @Test
  void theOldSinkOfAnInterruptedMoveIsWrittenBesideTheNewOneAndReadBack() {
    var db = TestStates.instance("orders-db");
    var delivered =
        new DeliveredSink("sha256:aaaa", "sha256:bbbb", "hmac-sha256:cccc")
            .replacing(new SinkDescription.KubernetesSecret("apps", "orders-app-old"));
    var state =
        State.empty(UUID.fromString("11111111-2222-3333-4444-555555555555"), "0.1.0")
            .with(db)
            .with(TestStates.binding("orders-app", db).withDelivered(delivered));

    var text = new String(codec.encode(state), StandardCharsets.UTF_8);

    assertThat(text)
        .contains(
            """
              "content_fingerprint": "hmac-sha256:cccc",
              "replaces": {
                "type": "kubernetes-secret",
                "namespace": "apps",
                "name": "orders-app-old"
              }
            },\
            """
                .indent(6)
                .stripTrailing());
    var back =
        (BindingState)
            codec
                .decode(codec.encode(state), "test")
                .resource(Address.binding("orders-app"))
                .orElseThrow();
    assertThat(back.sinkToRemove())
        .contains(new SinkDescription.KubernetesSecret("apps", "orders-app-old"));
    assertThat(back.withDelivered(back.delivered().orElseThrow().withoutReplaced()).sinkToRemove())
        .isEmpty();
  }
}
