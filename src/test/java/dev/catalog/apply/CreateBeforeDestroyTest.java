package dev.catalog.apply;

import static dev.catalog.apply.Engine.APP;
import static dev.catalog.apply.Engine.DB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.apply.Engine.Declared;
import dev.catalog.apply.InMemoryBroker.Answer;
import dev.catalog.osb.OsbOperation;
import dev.catalog.osb.PolledState;
import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import dev.catalog.state.OperationState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: the decisions of a create-before-destroy binding replace when the new bind fails or is
 * still running, against an {@link InMemoryBroker}: the old binding keeps the sink and stays bound
 * until its successor has delivered, and nothing at the broker is left untracked.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CreateBeforeDestroyTest {
  @TempDir Path dir;

  @Test
  void aReplacingBindTheBrokerRefusesLeavesTheOldBindingInPlaceAndStillBound() throws Exception {
    var engine = new Engine(dir);
    var delivered = Files.readString(engine.credentialsFile());
    engine.broker.answer(OsbOperation.BIND, Answer.SERVER_ERROR);

    var run = engine.apply(Declared.BINDING_CHANGED, true);

    assertThat(run.result().succeeded()).isFalse();
    assertThat(run.requests()).containsExactly("bind NEW", "unbind NEW");
    assertThat(run.state().resources().keySet()).containsExactly(DB, APP);
    var app = (BindingState) run.recorded(APP).orElseThrow();
    assertThat(app.bindingId()).isEqualTo(engine.bindingId());
    assertThat(app.sink()).isPresent();
    assertThat(app.times().retireAt()).isEmpty();
    assertThat(engine.broker.holdsBindingId(engine.instanceId(), engine.bindingId())).isTrue();
    assertThat(Files.readString(engine.credentialsFile())).isEqualTo(delivered);
  }

  @Test
  void theOldBindingIsUnboundOnlyOnceTheSuccessorsBindLeftRunningHasDelivered() {
    var engine = new Engine(dir);
    var retiring = Address.retiring(APP, engine.bindingId());
    engine.broker.answer(OsbOperation.BIND, Answer.ASYNC_RUNS);

    var noWait = engine.apply(Declared.BINDING_CHANGED, false);

    assertThat(noWait.requests()).containsExactly("bind NEW");
    assertThat(noWait.state().resources().keySet()).containsExactly(DB, APP, retiring);
    var successor = (BindingState) noWait.recorded(APP).orElseThrow();
    assertThat(successor.inFlight()).isTrue();
    assertThat(engine.broker.holdsBindingId(engine.instanceId(), engine.bindingId())).isTrue();

    engine.broker.clearRequests();
    var stillRunning = engine.apply(Declared.BINDING_CHANGED, false);

    // --no-wait does not poll: the successor is still in flight, so the old one is not unbound.
    assertThat(stillRunning.requests()).isEmpty();
    assertThat(stillRunning.state().resources().keySet()).containsExactly(DB, APP, retiring);

    engine.broker.operation(successor.bindingId(), PolledState.SUCCEEDED);
    engine.broker.clearRequests();
    var finished = engine.apply(Declared.BINDING_CHANGED, true);

    assertThat(finished.result().succeeded()).as(finished.result().toString()).isTrue();
    assertThat(finished.requests())
        .containsExactly("last_operation NEW", "fetch NEW", "unbind app");
    assertThat(finished.state().resources().keySet()).containsExactly(DB, APP);
    var delivered = (BindingState) finished.recorded(APP).orElseThrow();
    assertThat(delivered.bindingId()).isEqualTo(successor.bindingId());
    assertThat(delivered.lastOperation().orElseThrow().state()).isEqualTo(OperationState.SUCCEEDED);
    assertThat(engine.broker.holdsBindingId(engine.instanceId(), engine.bindingId())).isFalse();
  }

  @Test
  void aRetiringAddressNamesItsBindingAndTheFirstEightCharactersOfItsId() {
    var retiring = Address.retiring(APP, "1A2B3C4D-0000-4000-8000-000000000000");

    assertThat(retiring.toString()).isEqualTo("binding.app~1a2b3c4d");
    assertThat(retiring.isRetiring()).isTrue();
    assertThat(retiring.declared()).isEqualTo(APP);
    assertThat(Address.parse("binding.app~1a2b3c4d")).isEqualTo(retiring);
    assertThat(List.of(APP.isRetiring(), APP.declared().equals(APP))).containsExactly(false, true);
  }
}
