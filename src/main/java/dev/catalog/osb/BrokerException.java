package dev.catalog.osb;

import dev.catalog.CatalogException;
import java.util.Objects;
import java.util.Optional;

/**
 * A broker request that failed: an unexpected status, a malformed body, or no response. Carries
 * structured fields (operation, resource id, status, the broker's {@code error} code and {@code
 * description}) so callers decide without parsing the message. The message names the operation,
 * resource, status and description, and never bodies, headers or credentials.
 */
public final class BrokerException extends CatalogException {
  private final OsbOperation operation;
  private final String resourceId;
  private final int status;
  private final Optional<String> errorCode;
  private final Optional<String> description;
  private final ResponseClass responseClass;
  private final String requestId;
  private final Optional<Boolean> instanceUsable;
  private final Optional<Boolean> updateRepeatable;

  private BrokerException(String message, Builder b, Throwable cause) {
    super(message, cause);
    this.operation = b.operation;
    this.resourceId = b.resourceId;
    this.status = b.status;
    this.errorCode = b.errorCode;
    this.description = b.description;
    this.responseClass = b.responseClass;
    this.requestId = b.requestId;
    this.instanceUsable = b.instanceUsable;
    this.updateRepeatable = b.updateRepeatable;
  }

  /** A response with an HTTP status the operation does not accept (checklist E-01, E-04). */
  static BrokerException status(Builder b) {
    var what = b.description.map(d -> ": \"" + d + "\"").orElse(" with no description");
    var code = b.errorCode.map(c -> " (" + c + ")").orElse("");
    return new BrokerException(
        b.subject()
            + ": "
            + b.brokerReturned()
            + HttpStatusText.of(b.status)
            + code
            + what
            + b.requestSuffix(),
        b,
        null);
  }

  /** A response whose body breaks the spec (checklist PR-15, E-02). */
  static BrokerException malformed(Builder b, String problem) {
    return new BrokerException(
        b.subject()
            + ": "
            + b.brokerReturned()
            + HttpStatusText.of(b.status)
            + " with a malformed body: "
            + problem
            + b.requestSuffix(),
        b,
        null);
  }

  /** No response: a timeout, a reset, a refused connection (checklist T-01, T-02). */
  static BrokerException noResponse(Builder b, String problem, Throwable cause) {
    return new BrokerException(
        b.subject() + ": " + b.brokerPrefix() + problem + b.requestSuffix(), b, cause);
  }

  public OsbOperation operation() {
    return operation;
  }

  /** The instance or binding id, empty for the catalog. */
  public String resourceId() {
    return resourceId;
  }

  /** The HTTP status, or 0 when no response arrived. */
  public int status() {
    return status;
  }

  /** The OSB {@code error} code of the response body, e.g. {@code ConcurrencyError}. */
  public Optional<String> errorCode() {
    return errorCode;
  }

  /** The broker's user-facing {@code description}. */
  public Optional<String> description() {
    return description;
  }

  /** The class of the response for {@link OrphanMitigationTable#decide(BrokerException)}. */
  public ResponseClass responseClass() {
    return responseClass;
  }

  /** The {@code X-Broker-API-Request-Identity} sent with the failed request (checklist H-13). */
  public String requestId() {
    return requestId;
  }

  /** {@code instance_usable} of an error body (checklist E-07); absent means usable. */
  public Optional<Boolean> instanceUsable() {
    return instanceUsable;
  }

  /** {@code update_repeatable} of an error body (checklist E-07); absent means repeatable. */
  public Optional<Boolean> updateRepeatable() {
    return updateRepeatable;
  }

  static Builder builder(OsbOperation operation, String resourceId, String requestId) {
    return new Builder(operation, resourceId, requestId);
  }

  /** Collects the fields of one failure. */
  static final class Builder {
    private final OsbOperation operation;
    private final String resourceId;
    private final String requestId;
    private int status;
    private Optional<String> errorCode = Optional.empty();
    private Optional<String> description = Optional.empty();
    private ResponseClass responseClass = ResponseClass.NOT_SENT;
    private Optional<Boolean> instanceUsable = Optional.empty();
    private Optional<Boolean> updateRepeatable = Optional.empty();
    private String broker = "";

    private Builder(OsbOperation operation, String resourceId, String requestId) {
      this.operation = Objects.requireNonNull(operation);
      this.resourceId = Objects.requireNonNull(resourceId);
      this.requestId = Objects.requireNonNull(requestId);
    }

    Builder status(int value, ResponseClass cls) {
      this.status = value;
      this.responseClass = cls;
      return this;
    }

    Builder responseClass(ResponseClass cls) {
      this.responseClass = cls;
      return this;
    }

    Builder error(BrokerErrorBody body) {
      this.errorCode = body.error();
      this.description = body.description();
      this.instanceUsable = body.instanceUsable();
      this.updateRepeatable = body.updateRepeatable();
      return this;
    }

    /** The configured name of the broker, so an error says which one; empty when not known. */
    Builder broker(String name) {
      this.broker = Objects.requireNonNull(name);
      return this;
    }

    private String brokerReturned() {
      return broker.isEmpty() ? "broker returned " : "broker \"" + broker + "\" returned ";
    }

    /**
     * {@code broker "acme": } for an instance or binding request, so an apply error says which
     * broker did not answer; nothing for the catalog, whose errors are reported under the broker's
     * name already, or when the name is not known.
     */
    private String brokerPrefix() {
      return broker.isEmpty() || operation == OsbOperation.CATALOG
          ? ""
          : "broker \"" + broker + "\": ";
    }

    private String subject() {
      return resourceId.isEmpty() ? operation.verb() : operation.verb() + " \"" + resourceId + "\"";
    }

    private String requestSuffix() {
      return " [request " + requestId + "]";
    }
  }
}
