package dev.catalog.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StateCodecTest {
  private final StateCodec codec = new StateCodec();
  private static final UUID LINEAGE = UUID.fromString("11111111-2222-3333-4444-555555555555");

  private State sample() {
    var db = TestStates.instance("orders-db", OperationState.IN_PROGRESS);
    return State.empty(LINEAGE, "0.1.0")
        .withBroker("postgres-broker", new BrokerRecord("https://pg.example", "sha256:cafe"))
        .with(TestStates.binding("orders-app", db))
        .with(db)
        .withSerial(3, "0.1.0");
  }

  @Test
  void encodingAndDecodingGivesTheSameState() {
    var state = sample();
    assertThat(codec.decode(codec.encode(state), "test")).isEqualTo(state);
  }

  @Test
  void aStreamedDocumentHandsOverEachResourceAsItIsDecoded() {
    var state = sample();
    var seen = new ArrayList<ResourceState>();

    var decoded = codec.decode(new ByteArrayInputStream(codec.encode(state)), "test", seen::add);

    assertThat(decoded).isEqualTo(state);
    // In document order, and the very records the state holds (a refresh reads them ahead).
    assertThat(seen).containsExactlyElementsOf(decoded.resources().values());
    seen.forEach(r -> assertThat(r).isSameAs(decoded.resources().get(r.address())));
  }

  @Test
  void encodingIsPrettyWithAFixedKeyOrder() {
    var text = new String(codec.encode(sample()), StandardCharsets.UTF_8);
    assertThat(text)
        .startsWith(
            "{\n  \"version\": 1,\n  \"lineage\": \"11111111-2222-3333-4444-555555555555\",\n"
                + "  \"serial\": 3,\n  \"tool_version\": \"0.1.0\",\n  \"brokers\": {\n"
                + "    \"postgres-broker\": {\n      \"url\": \"https://pg.example\",\n"
                + "      \"catalog_fingerprint\": \"sha256:cafe\"\n    }\n  },\n"
                + "  \"resources\": {\n    \"instance.orders-db\": {\n      \"instance_id\": ")
        .contains(
            "\"last_operation\": {\n        \"type\": \"provision\",\n        \"state\": \"in"
                + " progress\",\n        \"operation\": \"op-orders-db\",\n        \"started\":"
                + " \"2026-11-21T06:00:00Z\"\n      }")
        .endsWith("}\n");
    assertThat(text.indexOf("instance.orders-db")).isLessThan(text.indexOf("binding.orders-app"));
    assertThat(codec.encode(codec.decode(codec.encode(sample()), "test")))
        .isEqualTo(codec.encode(sample()));
  }

  @Test
  void aLargeStateIsWrittenOneResourcePerLineAndReadBackTheSame() throws IOException {
    var state = State.empty(LINEAGE, "0.1.0").withSerial(2, "0.1.0");
    for (int i = 0; i <= StateCodec.LINE_PER_RESOURCE_ABOVE; i++) {
      state = state.with(TestStates.instance(String.format("db-%04d", i)));
    }
    var text = new String(codec.encode(state), StandardCharsets.UTF_8);
    var lines = text.split("\n");
    assertThat(lines).hasSize(9 + StateCodec.LINE_PER_RESOURCE_ABOVE + 1);
    assertThat(lines[0] + lines[1]).isEqualTo("{  \"version\": 1,");
    assertThat(lines[6]).isEqualTo("  \"resources\": {");
    assertThat(lines[7])
        .isEqualTo(
            "    \"instance.db-0000\": { \"instance_id\": \""
                + UUID.nameUUIDFromBytes("db-0000".getBytes())
                + "\", \"broker\": \"postgres-broker\","
                + " \"service\": { \"id\": \"svc-pg-1\", \"name\": \"postgres\" },"
                + " \"plan\": { \"id\": \"plan-small-1\", \"name\": \"small\" },"
                + " \"parameters\": { \"size\": \"small\", \"region\": \"eu-1\" },"
                + " \"context\": { \"platform\": \"catalog\" },"
                + " \"maintenance_info_version\": \"1.0.0\","
                + " \"dashboard_url\": \"https://dash.example/db-0000\","
                + " \"last_operation\": { \"type\": \"provision\", \"state\": \"succeeded\","
                + " \"started\": \"2026-11-21T06:00:00Z\" } },");
    assertThat(lines[lines.length - 2]).isEqualTo("  }");
    assertThat(lines[lines.length - 1]).isEqualTo("}");
    assertThat(codec.decode(codec.encode(state), "test")).isEqualTo(state);
    assertThat(new ObjectMapper().readTree(text).get("resources").size())
        .isEqualTo(StateCodec.LINE_PER_RESOURCE_ABOVE + 1);
  }

  @Test
  void sensitiveParametersAreStoredAsPointersAndAFingerprintOnly() {
    var sent =
        JsonNodeFactory.instance
            .objectNode()
            .put("size", "small")
            .put("password", "hunter2-s3cret");
    var recorded = RecordedParameters.of(sent, List.of("/password"), Fingerprint.keyFor("l"));
    var db = TestStates.instance("orders-db");
    var withSecret =
        new InstanceState(
            db.address(),
            db.instanceId(),
            db.broker(),
            db.service(),
            db.plan(),
            recorded,
            db.context(),
            db.maintenanceInfoVersion(),
            db.dashboardUrl(),
            db.lastOperation(),
            db.pendingOrphanMitigation(),
            Optional.empty());
    var text =
        new String(
            codec.encode(State.empty(LINEAGE, "t").with(withSecret)), StandardCharsets.UTF_8);
    assertThat(text)
        .doesNotContain("hunter2-s3cret")
        .contains("\"parameters\": {\n        \"size\": \"small\"\n      }")
        .contains("\"sensitive_parameters\": [\n        \"/password\"\n      ]")
        .contains("\"sensitive_parameters_fingerprint\": \"hmac-sha256:");
    var again = RecordedParameters.of(sent, List.of("/password"), Fingerprint.keyFor("l"));
    assertThat(again.sensitiveFingerprint()).isEqualTo(recorded.sensitiveFingerprint());
    var changed =
        RecordedParameters.of(
            sent.deepCopy().put("password", "other"),
            List.of("/password"),
            Fingerprint.keyFor("l"));
    assertThat(changed.sensitiveFingerprint()).isNotEqualTo(recorded.sensitiveFingerprint());
  }

  @Test
  void aNewerFormatVersionIsRefusedWithAClearMessage() {
    var future = "{\"version\": 7, \"tool_version\": \"9.0.0\", \"lineage\": \"x\"}";
    assertThatThrownBy(() -> codec.decode(future.getBytes(StandardCharsets.UTF_8), "f.json"))
        .isInstanceOf(StateFormatException.class)
        .hasMessage(
            "state f.json has format version 7 (written by catalog 9.0.0) but this catalog reads"
                + " versions up to 1: upgrade catalog; the state was not changed");
  }

  @Test
  void aVersionZeroStateIsUpgraded() throws IOException {
    byte[] v0;
    try (var in = getClass().getResourceAsStream("v0-state.json")) {
      v0 = in.readAllBytes();
    }
    var state = codec.decode(v0, "v0-state.json");
    assertThat(state.lineage()).isEqualTo("5f0c6c2e-8a6b-4d0c-9a53-2f1c7e0f9b11");
    assertThat(state.serial()).isEqualTo(4);
    assertThat(state.toolVersion()).isEqualTo("unknown");
    var db = (InstanceState) state.resource(Address.instance("orders-db")).orElseThrow();
    assertThat(db.instanceId()).isEqualTo("0b6e4f0e-3c1d-4f7a-9d2b-6a1e5c3b2d10");
    assertThat(db.plan()).isEqualTo(new OfferingRef("plan-small-1", "small"));
    assertThat(db.parameters().values().get("size").asText()).isEqualTo("small");
    assertThat(db.lastOperation().orElseThrow().state()).isEqualTo(OperationState.SUCCEEDED);
    var app = (BindingState) state.resource(Address.binding("orders-app")).orElseThrow();
    assertThat(app.instance()).isEqualTo(Address.instance("orders-db"));
    assertThat(app.service()).isEqualTo(new OfferingRef("svc-pg-1", "postgres"));
    assertThat(app.sink())
        .contains(new SinkDescription.KubernetesSecret("apps", "orders-app-credentials"));
    assertThat(app.credentialsFingerprint()).contains("hmac-sha256:abcd");
    assertThat(codec.decode(codec.encode(state), "v1")).isEqualTo(state);
  }

  @Test
  void anUnknownOperationStateNamesItsPath() {
    var text =
        new String(codec.encode(sample()), StandardCharsets.UTF_8).replace("in progress", "paused");
    assertThatThrownBy(() -> codec.decode(text.getBytes(StandardCharsets.UTF_8), "s.json"))
        .isInstanceOf(StateFormatException.class)
        .hasMessage(
            "state s.json is invalid at resources.instance.orders-db.last_operation.state:"
                + " expected 'in progress', 'succeeded' or 'failed'; it was not changed");
  }

  @Test
  void aDocumentWithResourcesBeforeItsVersionIsReadAsATreeToTheSameState() throws IOException {
    var mapper = new ObjectMapper();
    var written = (ObjectNode) mapper.readTree(codec.encode(sample()));
    var reordered = JsonNodeFactory.instance.objectNode();
    reordered.set("resources", written.get("resources"));
    written.fields().forEachRemaining(e -> reordered.putIfAbsent(e.getKey(), e.getValue()));

    assertThat(codec.decode(mapper.writeValueAsBytes(reordered), "s.json")).isEqualTo(sample());
  }

  @Test
  void contentAfterTheDocumentIsNotValidJson() {
    var text = new String(codec.encode(sample()), StandardCharsets.UTF_8) + "{}";
    assertThatThrownBy(() -> codec.decode(text.getBytes(StandardCharsets.UTF_8), "s.json"))
        .isInstanceOf(StateFormatException.class)
        .hasMessageStartingWith("state s.json is not valid JSON (corrupted or truncated at line ")
        .hasMessageEndingWith(
            "; it was not changed: restore it from its backup or history and run 'catalog state"
                + " push FILE'");
  }

  @Test
  void anEmptyFileIsReportedAsTruncated() {
    assertThatThrownBy(() -> codec.decode(new byte[0], "s.json"))
        .isInstanceOf(StateFormatException.class)
        .hasMessage(
            "state s.json is invalid at $: expected a JSON object (the file is empty or"
                + " truncated); it was not changed");
  }

  @Test
  void parametersHandedOutCannotChangeTheRecord() {
    var db = TestStates.instance("orders-db");
    ((com.fasterxml.jackson.databind.node.ObjectNode) db.parameters().values()).put("size", "xl");
    assertThat(db.parameters().values().get("size").asText()).isEqualTo("small");
    assertThat(Optional.of(db)).contains(TestStates.instance("orders-db"));
  }
}
