package dev.catalog.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.Sleeper;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The token wakes steps waiting between polls, and leaves no interrupt behind. */
@Timeout(30)
class CancellationTokenTest {
  @Test
  void cancelWakesAThreadWaitingBetweenPollsAndClearsTheWakeUpInterrupt() throws Exception {
    var token = new CancellationToken();
    var sleeping = new CountDownLatch(1);
    Sleeper hourLong =
        duration -> {
          sleeping.countDown();
          new CountDownLatch(1).await(1, TimeUnit.HOURS); // interruptible, like Thread.sleep
        };
    var woken =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                token.sleep(Duration.ofHours(1), hourLong);
              } catch (InterruptedException e) {
                return "interrupted";
              }
              return Thread.currentThread().isInterrupted() ? "flag left set" : "woken";
            });
    assertThat(sleeping.await(20, TimeUnit.SECONDS)).isTrue();

    token.cancel();

    assertThat(woken.get(20, TimeUnit.SECONDS)).isEqualTo("woken");
    assertThat(token.isCancelled()).isTrue();
  }

  @Test
  void aCancelledTokenDoesNotWaitAtAll() throws Exception {
    var token = new CancellationToken();
    token.cancel();
    token.sleep(
        Duration.ofHours(1),
        duration -> {
          throw new AssertionError("no wait after the interrupt");
        });
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void anInterruptForAnotherReasonIsPassedOn() {
    var token = new CancellationToken();
    var result =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                token.sleep(
                    Duration.ofSeconds(1),
                    duration -> {
                      throw new InterruptedException("shutdown");
                    });
                return "returned";
              } catch (InterruptedException e) {
                return e.getMessage();
              }
            });
    assertThat(result.join()).isEqualTo("shutdown");
  }
}
