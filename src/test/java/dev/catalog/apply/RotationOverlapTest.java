package dev.catalog.apply;

import static dev.catalog.apply.Engine.APP;
import static dev.catalog.apply.Engine.DB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.apply.Engine.Declared;
import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: {@code rotation: { every: 30d, overlap: 1h }} across runs on an injected clock: nothing
 * before 30 days; at 30 days the binding is bound anew and delivered while the old one stays bound
 * and retiring; an apply inside the hour leaves it; the first apply after the hour unbinds it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RotationOverlapTest {
  @TempDir Path dir;

  @Test
  void aBindingIsRotatedAfterEveryAndTheOldOneUnboundByTheFirstApplyAfterTheOverlap() {
    var engine = new Engine(dir);
    var retiring = Address.retiring(APP, engine.bindingId());

    var young = engine.apply(Declared.BINDING_ROTATING, true);
    assertThat(young.requests()).isEmpty();

    engine.clock.advance(Duration.ofDays(30));
    var rotated = engine.apply(Declared.BINDING_ROTATING, true);
    assertThat(rotated.result().succeeded()).as(rotated.result().toString()).isTrue();
    assertThat(rotated.requests()).containsExactly("bind NEW");
    assertThat(rotated.state().resources().keySet()).containsExactly(DB, APP, retiring);
    var old = (BindingState) rotated.recorded(retiring).orElseThrow();
    assertThat(old.times().retireAt()).contains(engine.clock.instant().plus(Duration.ofHours(1)));
    assertThat(old.sink()).isPresent();
    assertThat(engine.broker.holdsBindingId(engine.instanceId(), engine.bindingId())).isTrue();
    var successor = rotated.recorded(APP).orElseThrow().osbId();

    engine.broker.clearRequests();
    engine.clock.advance(Duration.ofMinutes(59));
    var inTheOverlap = engine.apply(Declared.BINDING_ROTATING, true);
    assertThat(inTheOverlap.requests()).isEmpty();
    assertThat(inTheOverlap.state().resources().keySet()).containsExactly(DB, APP, retiring);

    engine.clock.advance(Duration.ofMinutes(1));
    var afterTheOverlap = engine.apply(Declared.BINDING_ROTATING, true);
    assertThat(afterTheOverlap.result().succeeded()).isTrue();
    assertThat(afterTheOverlap.requests()).containsExactly("unbind app");
    assertThat(afterTheOverlap.state().resources().keySet()).containsExactly(DB, APP);
    assertThat(afterTheOverlap.recorded(APP).orElseThrow().osbId()).isEqualTo(successor);
    assertThat(engine.broker.holdsBindingId(engine.instanceId(), engine.bindingId())).isFalse();
  }
}
