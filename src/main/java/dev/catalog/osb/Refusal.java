package dev.catalog.osb;

import java.util.Optional;

/**
 * Why a broker refused a request in a way the platform can act on. Recognised by the {@code error}
 * field only, matched exactly, never by {@code description} (checklist E-03, EC-06).
 */
public enum Refusal {
  /** 422: resend with {@code accepts_incomplete=true} (EC-01). */
  ASYNC_REQUIRED("AsyncRequired"),
  /** 422: another operation is in progress; retry later, no orphan mitigation (EC-02, OM-03). */
  CONCURRENCY_ERROR("ConcurrencyError"),
  /** 422 on bind: an {@code app_guid} is needed (EC-03). */
  REQUIRES_APP("RequiresApp"),
  /** 422 on provision or update: re-fetch the catalog (EC-04). */
  MAINTENANCE_INFO_CONFLICT("MaintenanceInfoConflict"),
  /** 409 on a PUT: the id exists with different attributes (PR-12, B-16). */
  CONFLICT("");

  private final String errorCode;

  Refusal(String errorCode) {
    this.errorCode = errorCode;
  }

  /** The wire value of the {@code error} field; empty for {@link #CONFLICT}. */
  public String errorCode() {
    return errorCode;
  }

  /** The refusal an {@code error} code names, matched case-sensitively. */
  static Optional<Refusal> ofErrorCode(String code) {
    for (var r : values()) {
      if (!r.errorCode.isEmpty() && r.errorCode.equals(code)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
