package dev.catalog.apply;

import dev.catalog.osb.PollOutcome;
import dev.catalog.state.LastOperation;
import dev.catalog.state.OperationType;

/**
 * The one decision table for an operation state records as in flight (left by {@code --no-wait}, an
 * interrupt or a crash), read by both of its reconcilers (issue 12): {@code catalog apply} ({@link
 * ChangeRunner}, which resumes it) and {@code catalog refresh} ({@link InFlightSettlement}, which
 * only reads how it ended and sends nothing). {@link #resumption} says how apply picks the
 * operation up; {@link #ending} says what a broker's answer about it means, for apply's polls and
 * refresh's single read alike.
 */
final class InFlight {
  private InFlight() {}

  /** How apply picks up an operation left in flight. */
  enum Resumption {
    /** The broker accepted it (a token, or a 202 recorded): poll it, never send it again (P-28). */
    POLL,
    /**
     * Not known to have reached the broker: send the same idempotent request again under the same
     * id, so nothing is created twice (a provision first asks last_operation whether it arrived).
     */
    RESEND,
    /** An update not known to have been sent: close it; the planned PATCH, if any, follows. */
    CLOSE_UNSENT,
    /**
     * Superseded by a delete of the same resource, which is sent without waiting: a DELETE may
     * cancel a provision still running (D-09), an unbind may stop a bind (UB-05).
     */
    SUPERSEDED
  }

  /** What a broker's answer about an operation in flight means. */
  enum Ending {
    /** A delete ended (succeeded, or 410 Gone): the resource leaves state, with its credentials. */
    FORGET,
    /** A bind succeeded: its credentials are read back with GET (a 202 never carries them). */
    READ_BACK,
    /** It succeeded: recorded as succeeded. */
    SUCCEEDED,
    /** It failed or ran out of time: recorded as failed (apply then orphan-mitigates a create). */
    FAILED,
    /** Still running: it stays in flight. */
    RUNNING,
    /** 410 while creating or updating means nothing (P-17, P-19): it stays in flight. */
    UNKNOWN
  }

  /** The broker's answer, as {@code last_operation} gives it. */
  enum Answer {
    SUCCEEDED,
    FAILED,
    IN_PROGRESS,
    GONE
  }

  /**
   * How apply resumes {@code op}.
   *
   * @param declared whether the plan still declares the resource (false in its destroy phase)
   * @param destroyPhase whether the step is the resource's destroy
   */
  static Resumption resumption(LastOperation op, boolean declared, boolean destroyPhase) {
    boolean accepted = op.operationToken().isPresent();
    return switch (op.type()) {
      case PROVISION ->
          destroyPhase
              ? Resumption.SUPERSEDED
              : !accepted && declared ? Resumption.RESEND : Resumption.POLL;
      case UPDATE -> accepted ? Resumption.POLL : Resumption.CLOSE_UNSENT;
      case BIND ->
          !declared ? Resumption.SUPERSEDED : accepted ? Resumption.POLL : Resumption.RESEND;
      case DEPROVISION, UNBIND -> accepted ? Resumption.POLL : Resumption.RESEND;
    };
  }

  /** What {@code answer} means for an operation of {@code type}. */
  static Ending ending(OperationType type, Answer answer) {
    boolean deleting = isDelete(type);
    return switch (answer) {
      case GONE -> deleting ? Ending.FORGET : Ending.UNKNOWN;
      case IN_PROGRESS -> Ending.RUNNING;
      case FAILED -> Ending.FAILED;
      case SUCCEEDED ->
          deleting
              ? Ending.FORGET
              : type == OperationType.BIND ? Ending.READ_BACK : Ending.SUCCEEDED;
    };
  }

  /** The answer a poll ended with (a budget run out counts as failed, P-23). */
  static Answer answer(PollOutcome outcome) {
    return switch (outcome.kind()) {
      case SUCCEEDED -> Answer.SUCCEEDED;
      case FAILED, BUDGET_EXHAUSTED -> Answer.FAILED;
      case GONE -> Answer.GONE;
      case STILL_IN_PROGRESS -> Answer.IN_PROGRESS;
    };
  }

  static boolean isDelete(OperationType type) {
    return type == OperationType.DEPROVISION || type == OperationType.UNBIND;
  }
}
