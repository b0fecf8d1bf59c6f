package dev.catalog.apply;

import java.util.Objects;
import java.util.Optional;

/**
 * How an {@link ApplyOperation} ended.
 *
 * @param kind whether anything was applied
 * @param result the walk's result, present exactly when the plan was applied
 */
public record ApplyOutcome(Kind kind, Optional<ApplyResult> result) {
  /** Whether anything was applied. */
  public enum Kind {
    /** The plan had nothing to do; nothing was sent. */
    NOTHING_TO_DO,
    /** Nobody approved the plan; nothing was sent. */
    NOT_APPROVED,
    /** The plan was carried out (perhaps with failures, perhaps interrupted). */
    APPLIED
  }

  public ApplyOutcome {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(result, "result");
    if (result.isPresent() != (kind == Kind.APPLIED)) {
      throw new IllegalArgumentException("a result goes with APPLIED only");
    }
  }

  static ApplyOutcome applied(ApplyResult result) {
    return new ApplyOutcome(Kind.APPLIED, Optional.of(result));
  }
}
