package dev.catalog.osb;

/**
 * Which requests may be repeated after which transient failure (checklist sections 4.2, T-02,
 * ID-06). GETs are always safe. DELETE is idempotent (a repeat answers 200, 202 or 410). A PATCH
 * answered with a 5xx applied nothing (S:1258-1259), but one that timed out may have. A PUT that
 * reached the broker is never blindly repeated: a 5xx or timeout on provision or bind calls for
 * orphan mitigation instead (OM table), which is the executor's decision.
 */
public final class RetrySafety {

  /** A failure that might go away by itself. */
  public enum TransientFailure {
    /** The request never left: connection refused or connect timeout. */
    NOT_SENT,
    /** Sent, but no complete response: request timeout or connection reset. */
    NO_RESPONSE,
    /** 502, 503 or 504 from the broker or a proxy in front of it. */
    GATEWAY_STATUS
  }

  private RetrySafety() {}

  /** Whether {@code operation} may be sent again after {@code failure}. */
  public static boolean allows(OsbOperation operation, TransientFailure failure) {
    return switch (operation) {
      case CATALOG, FETCH_INSTANCE, FETCH_BINDING, POLL_INSTANCE, POLL_BINDING -> true;
      case DEPROVISION, UNBIND -> true;
      case UPDATE -> failure != TransientFailure.NO_RESPONSE;
      case PROVISION, BIND -> failure == TransientFailure.NOT_SENT;
    };
  }

  /** Whether an HTTP status is a transient gateway failure. */
  static boolean isGatewayStatus(int status) {
    return status == 502 || status == 503 || status == 504;
  }
}
