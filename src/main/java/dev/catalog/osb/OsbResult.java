package dev.catalog.osb;

import java.util.Objects;
import java.util.Optional;

/**
 * The typed outcome of a mutating OSB request or a poll (STYLE.md section 5): done, accepted for
 * async processing, already gone, or refused with a spec error code the caller must act on.
 * Anything else is a {@link BrokerException}. Use {@link #kind()} to branch.
 *
 * @param <T> what a completed request returns
 */
public sealed interface OsbResult<T>
    permits OsbResult.Completed, OsbResult.Accepted, OsbResult.Gone, OsbResult.Refused {

  /** The discriminator for exhaustive switches. */
  enum Kind {
    COMPLETED,
    ACCEPTED,
    GONE,
    REFUSED
  }

  Kind kind();

  /**
   * 200 or 201 (sync success; checklist PR-08, PR-09, B-08), or 200 on a poll or DELETE.
   *
   * @param status the HTTP status, so a caller can tell "created" from "already existed"
   */
  record Completed<T>(int status, T value) implements OsbResult<T> {
    public Completed {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public Kind kind() {
      return Kind.COMPLETED;
    }
  }

  /**
   * 202: poll {@code last_operation} with {@code operation} echoed verbatim (checklist P-04, P-05).
   * The {@code dashboardUrl} of a provision arrives only here (PR-10).
   */
  record Accepted<T>(Optional<String> operation, Optional<String> dashboardUrl)
      implements OsbResult<T> {
    public Accepted {
      Objects.requireNonNull(operation, "operation");
      Objects.requireNonNull(dashboardUrl, "dashboardUrl");
    }

    @Override
    public Kind kind() {
      return Kind.ACCEPTED;
    }
  }

  /** 410 on a DELETE or while polling a delete: the resource is already gone (D-05, P-16). */
  record Gone<T>() implements OsbResult<T> {
    @Override
    public Kind kind() {
      return Kind.GONE;
    }
  }

  /** 409 or 422 with a code the caller reacts to (checklist section 1.12, PR-12). */
  record Refused<T>(Refusal refusal, int status, Optional<String> description)
      implements OsbResult<T> {
    public Refused {
      Objects.requireNonNull(refusal, "refusal");
      Objects.requireNonNull(description, "description");
    }

    @Override
    public Kind kind() {
      return Kind.REFUSED;
    }
  }
}
