package dev.catalog.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.config.CredentialsTarget.FileFormat;
import dev.catalog.config.CredentialsTarget.FileTarget;
import dev.catalog.render.JsonProgressRenderer;
import dev.catalog.render.LineProgressRenderer;
import dev.catalog.sink.CredentialSinks;
import dev.catalog.sink.Credentials;
import dev.catalog.sink.Delivery;
import dev.catalog.sink.FingerprintKey;
import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import dev.catalog.state.InstanceState;
import dev.catalog.state.StateStore;
import dev.catalog.state.TestStates;
import dev.catalog.state.backend.local.LocalBackend;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A walk that delivers binding credentials to a file sink and records the delivery in state: the
 * password is found in the sink and nowhere else (not in state, not in either progress output, not
 * in the message of a failed delivery).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CredentialsStayInTheSinkTest {
  static final String PASSWORD = "pw-9f8e7d6c5b4a";

  @TempDir Path dir;

  @Test
  void credentialsAreFoundOnlyInTheSink() throws Exception {
    var store = new StateStore(new LocalBackend(dir.resolve("catalog.state.json")), "test");
    var instance = TestStates.instance("db");
    store.update(state -> state.with(instance));
    var key = FingerprintKey.choose(Map.of(), store.read().state().lineage());
    Path sinkFile = dir.resolve("out/app.env");
    var target = new FileTarget(sinkFile, "out/app.env", "0600", FileFormat.ENV);
    var badTarget = new FileTarget(dir.resolve("bad.env"), "bad.env", "0600", FileFormat.ENV);
    var lines = new StringWriter();
    var json = new StringWriter();
    ApplyListener both =
        ApplyListener.all(
            new LineProgressRenderer(new PrintWriter(lines), false),
            new JsonProgressRenderer(new PrintWriter(json)));

    try (var recorder = new StateRecorder(store.read(), store::write);
        var sinks = new CredentialSinks(context -> null)) {
      StepRunner bind =
          (step, context) -> {
            var address = step.address();
            var fromBroker =
                brokerCredentials(step.address().toString().equals("binding.app") ? "URL" : "a-b");
            var sink = sinks.forTarget(step.address().toString().equals("binding.app") ? target : badTarget);
            Delivery delivery = CredentialSinks.deliver(address, fromBroker, sink, key);
            recorder.record(state -> state.with(delivered(address, instance, delivery)));
            return StepOutcome.COMPLETED;
          };
      var steps =
          List.of(
              new Step("binding.app", StepAction.CREATE, Set.of()),
              new Step("binding.bad", StepAction.CREATE, Set.of()));

      ApplyResult result =
          new GraphWalker(2, Clock.systemUTC())
              .walk(steps, Direction.FORWARD, bind, both, new CancellationToken());

      assertThat(result.count(StepStatus.FAILED)).isEqualTo(1);
    }

    assertThat(Files.readString(sinkFile)).contains("PASSWORD=" + PASSWORD);
    String state = Files.readString(dir.resolve("catalog.state.json"));
    assertThat(state).contains("hmac-sha256:").contains(sinkFile.toString());
    assertThat(state).doesNotContain(PASSWORD);
    assertThat(lines.toString())
        .contains("binding.bad: credential \"a-b\" is not a valid environment variable name")
        .doesNotContain(PASSWORD);
    assertThat(json.toString()).doesNotContain(PASSWORD);
    try (var files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile).filter(f -> contains(f, PASSWORD)))
          .containsExactly(sinkFile);
    }
  }

  private static boolean contains(Path file, String text) {
    try {
      return Files.readString(file, StandardCharsets.ISO_8859_1).contains(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Credentials brokerCredentials(String otherKey) {
    try {
      ObjectNode node =
          (ObjectNode)
              new ObjectMapper()
                  .readTree("{\"PASSWORD\":\"" + PASSWORD + "\",\"" + otherKey + "\":\"x\"}");
      return Credentials.of(node);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static BindingState delivered(
      Address address, InstanceState instance, Delivery delivery) {
    var template = TestStates.binding(address.name(), instance);
    return new BindingState(
        address,
        template.bindingId(),
        template.instance(),
        template.instanceId(),
        template.broker(),
        template.service(),
        template.plan(),
        template.parameters(),
        template.context(),
        Optional.of(delivery.fingerprint()),
        Optional.of(delivery.sink()),
        template.lastOperation(),
        List.of(),
        Optional.empty());
  }
}
