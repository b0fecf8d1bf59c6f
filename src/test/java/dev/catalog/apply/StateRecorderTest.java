package dev.catalog.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.state.Address;
import dev.catalog.state.State;
import dev.catalog.state.StateStore;
import dev.catalog.state.TestStates;
import dev.catalog.state.backend.StateConflictException;
import dev.catalog.state.backend.local.LocalBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The recorder over the real local backend and state store. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StateRecorderTest {
  @TempDir Path dir;

  @Test
  void aChangeIsPersistedBeforeRecordReturns() {
    var store = store();
    try (var recorder = new StateRecorder(store.read(), store::write)) {
      recorder.record(state -> state.with(TestStates.instance("db")));

      State persisted = store().read().state();
      assertThat(persisted.resource(Address.instance("db"))).isPresent();
      assertThat(persisted.serial()).isEqualTo(1);
      assertThat(recorder.current().state()).isEqualTo(persisted);
    }
  }

  @Test
  void concurrentChangesAreAllPersistedAndNoneIsLost() {
    var store = store();
    try (var recorder = new StateRecorder(store.read(), store::write)) {
      var start = new CountDownLatch(1);
      var writers = new ArrayList<CompletableFuture<Void>>();
      for (int i = 0; i < 20; i++) {
        String name = "db-" + i;
        writers.add(
            CompletableFuture.runAsync(
                () -> {
                  await(start);
                  recorder.record(state -> state.with(TestStates.instance(name)));
                }));
      }
      start.countDown();
      writers.forEach(CompletableFuture::join);

      State persisted = store().read().state();
      assertThat(persisted.resources().keySet())
          .containsExactlyInAnyOrderElementsOf(
              IntStream.range(0, 20).mapToObj(i -> Address.instance("db-" + i)).toList());
      // Changes that queue behind a write share the next one (group commit): 1 to 20 writes.
      assertThat(persisted.serial()).isBetween(1L, 20L);
    }
  }

  @Test
  void aLostCompareAndSwapFailsThisAndEveryLaterRecord() {
    var store = store();
    try (var recorder = new StateRecorder(store.read(), store::write)) {
      recorder.record(state -> state.with(TestStates.instance("a")));
      store().update(state -> state.with(TestStates.instance("someone-else")));

      assertThatThrownBy(() -> recorder.record(state -> state.with(TestStates.instance("b"))))
          .isInstanceOf(StateConflictException.class);
      assertThatThrownBy(() -> recorder.record(state -> state.with(TestStates.instance("c"))))
          .hasMessageStartingWith("state was not written because an earlier write failed: ");
      assertThat(store().read().state().resource(Address.instance("c"))).isEmpty();
    }
  }

  @Test
  void anInterruptedCallerStillWaitsForItsWrite() {
    var store = store();
    try (var recorder = new StateRecorder(store.read(), store::write)) {
      Thread.currentThread().interrupt();

      recorder.record(state -> state.with(TestStates.instance("db")));

      assertThat(Thread.interrupted()).isTrue();
      assertThat(store().read().state().resource(Address.instance("db"))).isPresent();
    }
  }

  private StateStore store() {
    return new StateStore(new LocalBackend(dir.resolve("catalog.state.json")), "test");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
