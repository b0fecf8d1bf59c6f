package dev.catalog.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.CatalogException;
import dev.catalog.state.Address;
import dev.catalog.state.Snapshot;
import dev.catalog.state.State;
import dev.catalog.state.StateStore;
import dev.catalog.state.TestStates;
import dev.catalog.state.backend.StateConflictException;
import dev.catalog.state.backend.local.LocalBackend;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit (issue 7): changes that arrive while a write is in progress are persisted together
 * by the next write, over the real local backend. The first write is held open by a latch so a
 * batch forms deterministically; no sleeps.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StateRecorderGroupCommitTest {
  @TempDir Path dir;

  private final CountDownLatch firstWriteStarted = new CountDownLatch(1);
  private final CountDownLatch releaseFirstWrite = new CountDownLatch(1);
  private final AtomicInteger writes = new AtomicInteger();

  @Test
  void changesQueuedDuringAWriteArePersistedTogetherByTheNextWrite() {
    var store = store();
    try (var recorder = new StateRecorder(store.read(), gated(store::write))) {
      var first = add(recorder, "db-0");
      await(firstWriteStarted);
      var queued = IntStream.range(1, 11).mapToObj(i -> add(recorder, "db-" + i)).toList();
      waitUntilQueued(recorder, 10);
      releaseFirstWrite.countDown();

      first.join();
      for (int i = 0; i < queued.size(); i++) {
        Snapshot returned = queued.get(i).join();
        assertThat(returned.state().resource(Address.instance("db-" + (i + 1)))).isPresent();
      }
      State persisted = store().read().state();
      assertThat(persisted.resources()).hasSize(11);
      assertThat(persisted.serial()).isEqualTo(2);
      assertThat(writes).hasValue(2);
    }
  }

  @Test
  void aFailedBatchWriteFailsEveryCallerInItAndEveryLaterRecord() {
    var store = store();
    StateWriter failingSecond =
        (base, next) -> {
          if (writes.get() == 1) {
            throw new CatalogException("disk full");
          }
          return store.write(base, next);
        };
    try (var recorder = new StateRecorder(store.read(), gated(failingSecond))) {
      var first = add(recorder, "db-0");
      await(firstWriteStarted);
      var queued = IntStream.range(1, 6).mapToObj(i -> add(recorder, "db-" + i)).toList();
      waitUntilQueued(recorder, 5);
      releaseFirstWrite.countDown();

      first.join();
      for (var caller : queued) {
        assertThatThrownBy(caller::join).hasRootCauseMessage("disk full");
      }
      assertThatThrownBy(() -> recorder.record(s -> s.with(TestStates.instance("later"))))
          .isInstanceOf(CatalogException.class)
          .hasMessage("state was not written because an earlier write failed: disk full");
      assertThat(store().read().state().resources().keySet())
          .containsExactly(Address.instance("db-0"));
    }
  }

  @Test
  void aConflictingBatchFailsEveryCallerInItWithTheConflict() {
    var store = store();
    StateWriter someoneWritesFirst =
        (base, next) -> {
          if (writes.get() == 1) {
            store().update(s -> s.with(TestStates.instance("someone-else")));
          }
          return store.write(base, next);
        };
    try (var recorder = new StateRecorder(store.read(), gated(someoneWritesFirst))) {
      var first = add(recorder, "db-0");
      await(firstWriteStarted);
      var queued = List.of(add(recorder, "db-1"), add(recorder, "db-2"));
      waitUntilQueued(recorder, 2);
      releaseFirstWrite.countDown();

      first.join();
      for (var caller : queued) {
        assertThatThrownBy(caller::join)
            .isInstanceOf(CompletionException.class)
            .hasCauseInstanceOf(StateConflictException.class);
      }
      assertThat(store().read().state().resources().keySet())
          .containsExactlyInAnyOrder(Address.instance("db-0"), Address.instance("someone-else"));
    }
  }

  @Test
  void changesInOneBatchApplyInTheOrderTheyArrived() {
    var store = store();
    try (var recorder = new StateRecorder(store.read(), gated(store::write))) {
      var first = add(recorder, "db-0");
      await(firstWriteStarted);
      var adds = async(recorder, s -> s.with(TestStates.instance("x")));
      waitUntilQueued(recorder, 1);
      // Applied after the add, the removal leaves no x; applied before it, x would remain.
      var removes = async(recorder, s -> s.without(Address.instance("x")));
      waitUntilQueued(recorder, 2);
      releaseFirstWrite.countDown();

      first.join();
      adds.join();
      removes.join();
      assertThat(store().read().state().resources().keySet())
          .containsExactly(Address.instance("db-0"));
      assertThat(writes).hasValue(2);
    }
  }

  @Test
  void aChangeThatThrowsFailsOnlyItsOwnCaller() {
    var store = store();
    try (var recorder = new StateRecorder(store.read(), gated(store::write))) {
      var first = add(recorder, "db-0");
      await(firstWriteStarted);
      var good = add(recorder, "db-1");
      var bad =
          async(
              recorder,
              s -> {
                throw new IllegalStateException("no such instance");
              });
      waitUntilQueued(recorder, 2);
      releaseFirstWrite.countDown();

      first.join();
      assertThat(good.join().state().resource(Address.instance("db-1"))).isPresent();
      assertThatThrownBy(bad::join).hasRootCauseMessage("no such instance");
      recorder.record(s -> s.with(TestStates.instance("db-2")));
      assertThat(store().read().state().resources()).hasSize(3);
    }
  }

  /** Counts writes; the first one waits for {@link #releaseFirstWrite}. */
  private StateWriter gated(StateWriter delegate) {
    return (base, next) -> {
      if (writes.get() == 0) {
        firstWriteStarted.countDown();
        await(releaseFirstWrite);
      }
      try {
        return delegate.write(base, next);
      } finally {
        writes.incrementAndGet();
      }
    };
  }

  private static CompletableFuture<Snapshot> add(StateRecorder recorder, String name) {
    return async(recorder, s -> s.with(TestStates.instance(name)));
  }

  private static CompletableFuture<Snapshot> async(
      StateRecorder recorder, UnaryOperator<State> change) {
    var result = new CompletableFuture<Snapshot>();
    var caller =
        new Thread(
            () -> {
              try {
                result.complete(recorder.record(change));
              } catch (RuntimeException e) {
                result.completeExceptionally(e);
              }
            });
    caller.start();
    return result;
  }

  private static void waitUntilQueued(StateRecorder recorder, int changes) {
    while (recorder.waiting() < changes) {
      Thread.onSpinWait();
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
