package dev.catalog.osb;

/**
 * What came back for a request, in the terms of the spec's orphan-mitigation table (S:1940-1964,
 * checklist section 1.11). {@link BrokerException#responseClass()} carries it for failures.
 */
public enum ResponseClass {
  OK,
  OK_MALFORMED,
  /** A {@code last_operation} poll answered 200 with {@code "state": "failed"}. */
  LAST_OPERATION_FAILED,
  CREATED,
  CREATED_MALFORMED,
  ACCEPTED,
  ACCEPTED_MALFORMED,
  /** 2xx other than 200, 201 and 202. */
  OTHER_2XX,
  /** 408: the request never reached the broker. */
  REQUEST_TIMEOUT,
  /** Any 4xx except 408 (410 on DELETE is not a failure and never gets here). */
  OTHER_4XX,
  SERVER_ERROR,
  /** The request was sent but no complete response arrived: timeout or connection reset. */
  TIMEOUT,
  /** The request never left: connection refused, DNS or TLS failure. Not a table row. */
  NOT_SENT,
  /** 1xx or 3xx, which no OSB endpoint defines. Not a table row. */
  OTHER_STATUS;

  /** The class of an HTTP status that arrived with a well-formed body (or none needed). */
  public static ResponseClass ofStatus(int status) {
    if (status == 200) {
      return OK;
    } else if (status == 201) {
      return CREATED;
    } else if (status == 202) {
      return ACCEPTED;
    } else if (status >= 200 && status < 300) {
      return OTHER_2XX;
    } else if (status == 408) {
      return REQUEST_TIMEOUT;
    } else if (status >= 400 && status < 500) {
      return OTHER_4XX;
    } else if (status >= 500 && status < 600) {
      return SERVER_ERROR;
    }
    return OTHER_STATUS;
  }

  /** The malformed variant of 200, 201 and 202 (checklist PR-15); others stay as they are. */
  public static ResponseClass malformed(int status) {
    return switch (status) {
      case 200 -> OK_MALFORMED;
      case 201 -> CREATED_MALFORMED;
      case 202 -> ACCEPTED_MALFORMED;
      default -> ofStatus(status);
    };
  }
}
