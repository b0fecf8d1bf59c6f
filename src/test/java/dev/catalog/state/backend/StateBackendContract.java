package dev.catalog.state.backend;

import dev.catalog.cli.BackendFactory;
import dev.catalog.config.BackendKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.state.Address;
import dev.catalog.state.StateCodec;
import dev.catalog.state.StateFormatException;
import dev.catalog.state.TestStates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
/**
 * The behaviour every state backend promises (PRODUCT.md section 2), run against each backend
 * opened through {@link BackendFactory}. Subclasses give the type and a fresh, empty location per
 * test; nothing here knows which backend it is talking to. The lock tests are in {@link
 * StateLockContract}.
 */
public abstract class StateBackendContract extends StateLockContract {
  @Test
  void readingALocationWithNoStateFindsNothing() {
    assertThat(open().read()).isEmpty();
  }

  @Test
  void lineageIsFixedAtCreationAndKeptByLaterWrites() {
    var created = store().update(s -> s.with(TestStates.instance("orders-db")));
    var later = store().update(s -> s.with(TestStates.instance("audit-db")));
    var reread = store().read();
    assertThat(later.state().lineage()).isEqualTo(created.state().lineage());
    assertThat(reread.state().lineage()).isEqualTo(created.state().lineage());
    assertThat(reread.state().resources().keySet())
        .containsExactly(Address.instance("audit-db"), Address.instance("orders-db"));
  }

  @Test
  void serialIncrementsOnEveryChangingWriteAndOnlyThen() {
    var store = store();
    var first = store.update(s -> s.with(TestStates.instance("orders-db")));
    var second = store.update(s -> s.with(TestStates.instance("audit-db")));
    var unchanged = store.update(s -> s);
    assertThat(first.state().serial()).isEqualTo(1);
    assertThat(second.state().serial()).isEqualTo(2);
    assertThat(unchanged.state().serial()).isEqualTo(2);
    assertThat(unchanged.version()).isEqualTo(second.version());
    assertThat(store().read().state().serial()).isEqualTo(2);
  }

  @Test
  void aWriteAgainstAStaleVersionIsAConflictNamingBothVersions() {
    store().update(s -> s.with(TestStates.instance("orders-db")));
    var a = store();
    var b = store();
    var readByA = a.read();
    var readByB = b.read();
    var written = a.write(readByA, readByA.state().with(TestStates.instance("audit-db")));
    assertThatThrownBy(() -> b.write(readByB, readByB.state().with(TestStates.instance("cache"))))
        .isInstanceOf(StateConflictException.class)
        .hasMessageContaining(readByB.version().orElseThrow())
        .hasMessageContaining(written.version().orElseThrow());
    assertThat(store().read().state().resources())
        .containsOnlyKeys(Address.instance("audit-db"), Address.instance("orders-db"));
  }

  @Test
  void creatingAStateThatSomeoneElseCreatedMeanwhileIsAConflict() {
    var a = store();
    var b = store();
    var emptyA = a.read();
    var emptyB = b.read();
    a.write(emptyA, emptyA.state().with(TestStates.instance("orders-db")));
    assertThatThrownBy(() -> b.write(emptyB, emptyB.state().with(TestStates.instance("cache"))))
        .isInstanceOf(StateConflictException.class)
        .hasMessageContaining("expected version (no state)");
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void twoProcessesRacingFiftyTimesEachLoseNoUpdate() throws Exception {
    store().update(s -> s.with(TestStates.instance("seed")));
    try (var p = ChildProcess.start("race", type(), workDir, settings, "p", "50");
        var q = ChildProcess.start("race", type(), workDir, settings, "q", "50")) {
      p.send("go");
      q.send("go");
      var resultP = p.readLine();
      var resultQ = q.readLine();
      assertThat(p.waitFor()).as(p::errors).isZero();
      assertThat(q.waitFor()).as(q::errors).isZero();
      assertThat(landed(resultP) + landed(resultQ)).isEqualTo(100);
    }
    var state = store().read().state();
    assertThat(state.resources()).hasSize(101);
    for (int i = 0; i < 50; i++) {
      assertThat(state.resources())
          .containsKeys(Address.instance("p-" + i), Address.instance("q-" + i));
    }
    assertThat(state.serial()).isEqualTo(101);
  }

  private static int landed(String result) {
    assertThat(result).matches("landed \\d+ conflicts \\d+");
    return Integer.parseInt(result.split(" ")[1]);
  }

  @Test
  void aStreamedReadGivesTheStoredContentWithTheVersionOfAPlainRead() {
    var backend = open();
    assertThat(backend.read(in -> "never called")).isEmpty();
    var content = "{\"streamed\": true}\n".repeat(5000).getBytes(StandardCharsets.UTF_8);
    var version = backend.write(content, Optional.empty(), "streamed read");
    var streamed =
        open()
            .read(
                in -> {
                  try {
                    return in.readNBytes(100);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                })
            .orElseThrow();
    assertThat(streamed.value()).isEqualTo(Arrays.copyOf(content, 100));
    assertThat(streamed.version()).isEqualTo(version);
    assertThat(streamed.version()).isEqualTo(open().read().orElseThrow().version());
  }

  @Test
  void aFiveMebibyteStateRoundTrips() {
    var store = store();
    var base = store.read();
    var big = TestStates.large(base.state(), 5 * 1024 * 1024);
    var written = store.write(base, big);
    var encoded = new StateCodec().encode(written.state());
    assertThat(encoded.length).isGreaterThan(5 * 1024 * 1024);
    var stored = open().read().orElseThrow();
    assertThat(stored.content()).isEqualTo(encoded);
    assertThat(store().read().state()).isEqualTo(written.state());
  }

  @Test
  void aTruncatedStateIsReportedAndNeverOverwritten() {
    var written = store().update(s -> s.with(TestStates.instance("orders-db")));
    var full = new StateCodec().encode(written.state());
    var truncated = Arrays.copyOf(full, full.length / 2);
    open().write(truncated, written.version(), "simulate a truncated write");
    var store = store();
    assertThatThrownBy(() -> store.update(s -> s.with(TestStates.instance("audit-db"))))
        .isInstanceOf(StateFormatException.class)
        .hasMessageStartingWith("state " + store.backend().identity() + " is not valid JSON")
        .hasMessageEndingWith(
            "it was not changed: restore it from its backup or history and run 'catalog state"
                + " push FILE'");
    assertThat(open().read().orElseThrow().content()).isEqualTo(truncated);
  }

  @Test
  void aCorruptedStateIsReportedAndNeverOverwritten() {
    var written = store().update(s -> s.with(TestStates.instance("orders-db")));
    var corrupted = "{\"version\": 1, \"lineage\": 7}".getBytes(StandardCharsets.UTF_8);
    open().write(corrupted, written.version(), "simulate corruption");
    var store = store();
    assertThatThrownBy(() -> store.update(s -> s.with(TestStates.instance("audit-db"))))
        .isInstanceOf(StateFormatException.class)
        .hasMessage(
            "state "
                + store.backend().identity()
                + " is invalid at $.lineage: expected a string; it"
                + " was not changed");
    assertThat(open().read().orElseThrow().content()).isEqualTo(corrupted);
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void killMinus9DuringAWriteLeavesThePreviousOrTheNewState() throws Exception {
    store().update(s -> s.with(TestStates.instance("seed")));
    long killedWhileWriting;
    try (var writer = ChildProcess.start("writer", type(), workDir, settings)) {
      String line;
      do {
        line = writer.readLine();
      } while (line != null && !line.equals("writing 4"));
      assertThat(line).isEqualTo("writing 4");
      killedWhileWriting = 4;
      writer.kill();
    }
    var state = store().read().state();
    assertThat(state.serial()).isBetween(killedWhileWriting - 1, killedWhileWriting);
    assertThat(state.resources()).containsKey(Address.instance("n" + (killedWhileWriting - 3)));
    assertThat(Optional.of(state.lineage())).isNotEmpty();
  }
}
