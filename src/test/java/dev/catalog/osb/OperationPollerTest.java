package dev.catalog.osb;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Checklist section 1.4: polling last_operation with an injected clock and sleeper. */
class OperationPollerTest {
  @RegisterExtension static WireMockExtension wm = WireMockBroker.extension();

  private static final String POLL = "/v2/service_instances/i/last_operation";
  private final FakeClock clock = new FakeClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final PollingPolicy policy =
      new PollingPolicy(
          BackoffStrategy.exponential(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(8)),
          Duration.ofSeconds(8),
          Duration.ofHours(1));

  private OperationPoller poller() {
    var client =
        BrokerClient.create(
            WireMockBroker.connection(wm), HttpTrace.NONE, sleeper, clock, RetryPolicy.NONE);
    return new OperationPoller(client, clock, sleeper, policy);
  }

  /** Stubs the poll to answer each response once, in order, then the last one forever. */
  private static void answers(ResponseDefinitionBuilder... responses) {
    for (int i = 0; i < responses.length; i++) {
      var state = i == 0 ? STARTED : "s" + i;
      var stub =
          get(urlPathMatching(".*/last_operation"))
              .inScenario("poll")
              .whenScenarioStateIs(state)
              .willReturn(responses[i]);
      if (i + 1 < responses.length) {
        stub = stub.willSetStateTo("s" + (i + 1));
      }
      wm.stubFor(stub);
    }
  }

  private static ResponseDefinitionBuilder state(String state) {
    return okJson("{\"state\":\"" + state + "\",\"description\":\"" + state + " now\"}");
  }

  private static PollTarget target(OsbOperation operation) {
    return PollTarget.instance(operation, "i", Bodies.poll("op-1"));
  }

  @Test
  @DisplayName("P-10/P-11: polls while in progress, stops at succeeded with backoff 1, 2, 4 s")
  void pollsUntilSucceeded() {
    answers(state("in progress"), state("in progress"), state("succeeded"));
    var outcome = poller().await(target(OsbOperation.PROVISION), clock.instant(), Optional.empty());
    assertThat(outcome).isEqualTo(new PollOutcome.Succeeded(Optional.of("succeeded now")));
    assertThat(sleeper.sleeps())
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    wm.verify(3, getRequestedFor(urlPathMatching(POLL)));
  }

  @Test
  @DisplayName("P-13: the broker's progress description reaches the listener")
  void reportsProgress() {
    answers(state("in progress"), state("failed"));
    var seen = new ArrayList<String>();
    var listener =
        new PollListener() {
          @Override
          public void inProgress(LastOperationResponse operation) {
            seen.add(operation.description().orElse(""));
          }
        };
    var outcome =
        poller()
            .await(
                target(OsbOperation.PROVISION),
                clock.instant(),
                Optional.empty(),
                Optional.empty(),
                listener);
    assertThat(outcome.kind()).isEqualTo(PollOutcome.Kind.FAILED);
    assertThat(seen).containsExactly("in progress now");
  }

  @Test
  @DisplayName("An interrupted apply stops waiting: still in progress, no further poll")
  void stopsWaitingWhenTheListenerSaysSoAfterTheWaitInWhichItWasAsked() {
    answers(state("in progress"));
    var stopped = new java.util.concurrent.atomic.AtomicBoolean();
    var listener =
        new PollListener() {
          @Override
          public void inProgress(LastOperationResponse operation) {
            stopped.set(true); // as if Ctrl-C came during the next wait
          }

          @Override
          public boolean stopWaiting() {
            return stopped.get();
          }
        };
    var outcome =
        poller()
            .await(
                target(OsbOperation.PROVISION),
                clock.instant(),
                Optional.empty(),
                Optional.empty(),
                listener);
    assertThat(outcome)
        .isEqualTo(new PollOutcome.StillInProgress(Optional.of("in progress now")));
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1));
    wm.verify(1, getRequestedFor(urlPathMatching(POLL)));
  }

  @Test
  @DisplayName("P-14/P-15: Retry-After seconds and HTTP-date forms delay the next poll")
  void honoursRetryAfterBothForms() {
    answers(
        state("in progress").withHeader("Retry-After", "7"),
        state("in progress").withHeader("Retry-After", "Thu, 01 Jan 2026 00:01:08 GMT"),
        state("succeeded"));
    poller().await(target(OsbOperation.UPDATE), clock.instant(), Optional.empty());
    // 1 s first poll; 7 s asked; then the date 00:01:08 is 60 s after now (00:00:08).
    assertThat(sleeper.sleeps())
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(7), Duration.ofSeconds(60));
  }

  @Test
  @DisplayName("P-14: a Retry-After shorter than the backoff is the next wait, not the backoff")
  void retryAfterShorterThanTheBackoffIsTheNextWait() {
    answers(
        state("in progress").withHeader("Retry-After", "1"),
        state("in progress").withHeader("Retry-After", "1"),
        state("in progress"),
        state("succeeded"));
    poller().await(target(OsbOperation.PROVISION), clock.instant(), Optional.empty());
    // The backoff alone waits 1, 2, 4, 8 s; the broker asked for 1 s twice, then nothing.
    assertThat(sleeper.sleeps())
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ofSeconds(8));
    wm.verify(4, getRequestedFor(urlPathMatching(POLL)));
  }

  @Test
  @DisplayName("P-23/C-11: the plan's maximum_polling_duration fails a never-ending operation")
  void planMaximumPollingDurationEndsPolling() {
    answers(state("in progress"));
    var started = clock.instant();
    var outcome =
        poller()
            .await(target(OsbOperation.PROVISION), started, Optional.of(Duration.ofSeconds(10)));
    assertThat(outcome).isEqualTo(new PollOutcome.BudgetExhausted(Duration.ofSeconds(10)));
    assertThat(Duration.between(started, clock.instant())).isEqualTo(Duration.ofSeconds(10));
    assertThat(sleeper.sleeps())
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(3));
  }

  @Test
  @DisplayName("P-24: the budget counts from the recorded start, across runs")
  void budgetCountsFromRecordedStart() {
    answers(state("in progress"));
    var started = clock.instant();
    clock.advance(Duration.ofSeconds(8));
    var outcome =
        poller()
            .await(target(OsbOperation.PROVISION), started, Optional.of(Duration.ofSeconds(10)));
    assertThat(outcome.kind()).isEqualTo(PollOutcome.Kind.BUDGET_EXHAUSTED);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  @DisplayName("4.1: the run deadline stops waiting and leaves the operation in progress")
  void runDeadlineLeavesOperationInProgress() {
    answers(state("in progress"));
    var outcome =
        poller()
            .await(
                target(OsbOperation.PROVISION),
                clock.instant(),
                Optional.empty(),
                Optional.of(clock.instant().plusSeconds(5)),
                PollListener.NONE);
    assertThat(outcome).isEqualTo(new PollOutcome.StillInProgress(Optional.of("in progress now")));
  }

  @Test
  @DisplayName("P-16: a 410 while polling a deprovision means gone, even with an empty body")
  void goneDuringDeprovisionIsSuccess() {
    answers(state("in progress"), aResponse().withStatus(410));
    var outcome =
        poller().await(target(OsbOperation.DEPROVISION), clock.instant(), Optional.empty());
    assertThat(outcome).isEqualTo(new PollOutcome.Gone());
  }

  @Test
  @DisplayName("P-18: a 410 while polling an unbind means gone")
  void goneDuringUnbindIsSuccess() {
    answers(aResponse().withStatus(410));
    var target = PollTarget.binding(OsbOperation.UNBIND, "i", "b", Bodies.poll(null));
    var outcome = poller().await(target, clock.instant(), Optional.empty());
    assertThat(outcome).isEqualTo(new PollOutcome.Gone());
  }

  @Test
  @DisplayName("P-17/P-20/P-22: 410, 503 and 404 while provisioning keep polling")
  void invalidResponsesWhileCreatingKeepPolling() {
    answers(
        aResponse().withStatus(410),
        aResponse().withStatus(503),
        aResponse().withStatus(404),
        okJson("not json"),
        state("succeeded"));
    var invalid = new ArrayList<Integer>();
    var listener =
        new PollListener() {
          @Override
          public void invalidResponse(BrokerException failure) {
            invalid.add(failure.status());
          }
        };
    var outcome =
        poller()
            .await(
                target(OsbOperation.PROVISION),
                clock.instant(),
                Optional.empty(),
                Optional.empty(),
                listener);
    assertThat(outcome.kind()).isEqualTo(PollOutcome.Kind.SUCCEEDED);
    assertThat(invalid).isEqualTo(List.of(503, 404, 200));
  }

  @Test
  @DisplayName("P-12: an unknown state keeps polling until the budget fails it")
  void unknownStateKeepsPolling() {
    answers(okJson("{\"state\":\"weird\"}"));
    var outcome =
        poller()
            .await(
                target(OsbOperation.PROVISION),
                clock.instant(),
                Optional.of(Duration.ofSeconds(5)));
    assertThat(outcome.kind()).isEqualTo(PollOutcome.Kind.BUDGET_EXHAUSTED);
  }

  @Test
  @DisplayName("P-21: a 400 on a poll stops polling with the broker's error")
  void badRequestStopsPolling() {
    answers(aResponse().withStatus(400).withBody("{\"description\":\"bad operation\"}"));
    var e =
        catchThrowableOfType(
            BrokerException.class,
            () ->
                poller().await(target(OsbOperation.PROVISION), clock.instant(), Optional.empty()));
    assertThat(e.getMessage())
        .isEqualTo(
            "poll last operation of instance \"i\": broker returned"
                + " 400 Bad Request: \"bad operation\" [request "
                + e.requestId()
                + "]");
    wm.verify(1, getRequestedFor(urlPathMatching(POLL)));
  }

  @Test
  @DisplayName("P-27: a failed update carries instance_usable and update_repeatable")
  void failedOperationCarriesUsabilityFlags() {
    answers(
        okJson(
            "{\"state\":\"failed\",\"description\":\"disk full\","
                + "\"instance_usable\":false,\"update_repeatable\":false}"));
    var outcome =
        (PollOutcome.Failed)
            poller().await(target(OsbOperation.UPDATE), clock.instant(), Optional.empty());
    assertThat(outcome.lastOperation().instanceUsable()).contains(false);
    assertThat(outcome.lastOperation().updateRepeatable()).contains(false);
    assertThat(outcome.lastOperation().description()).contains("disk full");
  }
}
