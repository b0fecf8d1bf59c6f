package dev.catalog.osb;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** How waiting for an async operation ended. Use {@link #kind()} to branch. */
public sealed interface PollOutcome
    permits PollOutcome.Succeeded,
        PollOutcome.Failed,
        PollOutcome.Gone,
        PollOutcome.BudgetExhausted,
        PollOutcome.StillInProgress {

  /** The discriminator for exhaustive switches. */
  enum Kind {
    SUCCEEDED,
    FAILED,
    GONE,
    BUDGET_EXHAUSTED,
    STILL_IN_PROGRESS
  }

  Kind kind();

  /** {@code state: succeeded}. */
  record Succeeded(Optional<String> description) implements PollOutcome {
    @Override
    public Kind kind() {
      return Kind.SUCCEEDED;
    }
  }

  /** {@code state: failed}, with the usability flags (P-27); orphan mitigation per the table. */
  record Failed(LastOperation lastOperation) implements PollOutcome {
    public Failed {
      Objects.requireNonNull(lastOperation, "lastOperation");
    }

    @Override
    public Kind kind() {
      return Kind.FAILED;
    }
  }

  /** 410 while deprovisioning or unbinding: deleted (P-16, P-18). */
  record Gone() implements PollOutcome {
    @Override
    public Kind kind() {
      return Kind.GONE;
    }
  }

  /** The operation ran past its maximum duration and MUST be considered failed (P-23). */
  record BudgetExhausted(Duration budget, String limit) implements PollOutcome {
    /** The plan's {@code maximum_polling_duration} ran out. */
    public BudgetExhausted(Duration budget) {
      this(budget, PLAN_LIMIT);
    }

    @Override
    public Kind kind() {
      return Kind.BUDGET_EXHAUSTED;
    }

    /** {@code 5s (the plan's maximum_polling_duration)}: the time and the limit that set it. */
    public String describe() {
      return Durations.format(budget) + " (" + limit + ")";
    }
  }

  /** The limit of {@link BudgetExhausted} when the catalog's plan set it. */
  String PLAN_LIMIT = "the plan's maximum_polling_duration";

  /** The limit of {@link BudgetExhausted} when no plan limit was shorter than catalog's own. */
  String PLATFORM_LIMIT = "catalog's maximum for one operation";

  /** The caller's run deadline came first; the operation is still in progress (section 4.1). */
  record StillInProgress(Optional<String> description) implements PollOutcome {
    @Override
    public Kind kind() {
      return Kind.STILL_IN_PROGRESS;
    }
  }
}
