package dev.catalog.osb;

import dev.catalog.CatalogException;
import dev.catalog.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Polls {@code last_operation} until the operation ends, its budget runs out, or the caller's run
 * deadline comes (checklist P-04..P-23). The budget is min(platform maximum, the plan's {@code
 * maximum_polling_duration}) from the operation's recorded start, so it holds across runs (P-24).
 * {@code Retry-After}, when sent, is the next wait (P-14); otherwise the backoff is; every wait is
 * capped and never runs past the budget. Time comes from the injected {@link Clock} and waits go through the injected {@link
 * Sleeper}, never the wall clock.
 */
public final class OperationPoller {
  private final BrokerOperations client;
  private final Clock clock;
  private final Sleeper sleeper;
  private final PollingPolicy policy;

  public OperationPoller(
      BrokerOperations client, Clock clock, Sleeper sleeper, PollingPolicy policy) {
    this.client = client;
    this.clock = clock;
    this.sleeper = sleeper;
    this.policy = policy;
  }

  /** Waits with no run deadline and no listener. */
  public PollOutcome await(PollTarget target, Instant started, Optional<Duration> planMaximum) {
    return await(target, started, planMaximum, Optional.empty(), PollListener.NONE);
  }

  /**
   * Waits for the operation.
   *
   * @param started when the operation was accepted, as recorded in state
   * @param planMaximum the plan's {@code maximum_polling_duration}, if it has one
   * @param runDeadline when this run stops waiting and leaves the operation in progress
   * @throws BrokerException when a poll answers 400: our request is wrong, retrying cannot help
   */
  public PollOutcome await(
      PollTarget target,
      Instant started,
      Optional<Duration> planMaximum,
      Optional<Instant> runDeadline,
      PollListener listener) {
    var planLimit = planMaximum.filter(p -> p.compareTo(policy.platformMaximum()) < 0);
    var budget = planLimit.orElse(policy.platformMaximum());
    var limit = planLimit.isPresent() ? PollOutcome.PLAN_LIMIT : PollOutcome.PLATFORM_LIMIT;
    var budgetEnd = started.plus(budget);
    Optional<Duration> retryAfter = Optional.empty();
    Optional<String> lastDescription = Optional.empty();
    for (int attempt = 1; ; attempt++) {
      var now = clock.instant();
      if (!now.isBefore(budgetEnd)) {
        return new PollOutcome.BudgetExhausted(budget, limit);
      }
      var delay = nextDelay(attempt, retryAfter, Duration.between(now, budgetEnd));
      if (runDeadline.isPresent() && now.plus(delay).isAfter(runDeadline.get())) {
        return new PollOutcome.StillInProgress(lastDescription);
      }
      if (listener.stopWaiting()) {
        return new PollOutcome.StillInProgress(lastDescription);
      }
      sleep(delay);
      if (listener.stopWaiting()) {
        return new PollOutcome.StillInProgress(lastDescription);
      }
      retryAfter = Optional.empty();
      OsbResult<LastOperationResponse> result;
      try {
        result = poll(target);
      } catch (BrokerException e) {
        if (e.status() == 400) {
          throw e; // P-21
        }
        listener.invalidResponse(e); // P-12, P-20, P-22: keep polling within the budget
        continue;
      }
      if (result.kind() == OsbResult.Kind.GONE) {
        if (target.goneIsSuccess()) {
          return new PollOutcome.Gone();
        }
        continue; // 410 while creating or updating is invalid: keep polling (P-17, P-19)
      }
      var operation = ((OsbResult.Completed<LastOperationResponse>) result).value();
      switch (operation.state()) {
        case SUCCEEDED:
          return new PollOutcome.Succeeded(operation.description());
        case FAILED:
          return new PollOutcome.Failed(operation);
        case IN_PROGRESS:
        default:
          listener.inProgress(operation);
          retryAfter = operation.retryAfter();
          if (operation.description().isPresent()) {
            lastDescription = operation.description();
          }
      }
    }
  }

  /**
   * The broker's {@code Retry-After} when it sent one, else the capped backoff delay; clipped to
   * the budget. The broker knows when its operation is likely done: waiting longer than it asks
   * (the backoff grows past it) delays the result, and the 1.5x backoff made a 2 s operation with
   * {@code Retry-After: 1} finish at about 2.5 s (issue 7). Never sooner than asked (P-14).
   */
  Duration nextDelay(int attempt, Optional<Duration> retryAfter, Duration remaining) {
    var delay = retryAfter.orElseGet(() -> policy.backoff().delay(attempt));
    if (delay.compareTo(policy.maxInterval()) > 0 && retryAfter.isEmpty()) {
      delay = policy.maxInterval();
    }
    return delay.compareTo(remaining) > 0 ? remaining : delay;
  }

  private OsbResult<LastOperationResponse> poll(PollTarget target) {
    return target.bindingId().isPresent()
        ? client.lastBindingOperation(target.instanceId(), target.bindingId().get(), target.query())
        : client.lastInstanceOperation(target.instanceId(), target.query());
  }

  private void sleep(Duration delay) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CatalogException("interrupted while waiting for the broker's operation", e);
    }
  }
}
