package dev.catalog.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.state.Address;
import java.util.Objects;
import java.util.Optional;

/**
 * What refresh learned of one recorded resource at its broker. Never holds credentials: of a
 * fetched binding only its parameters are kept.
 *
 * @param address the resource
 * @param status what the read found
 * @param planId the plan the broker reports (instances), if it said
 * @param parameters the parameters the broker reports, if it said (missing is not drift, F-09)
 * @param maintenanceInfoVersion the maintenance_info version the broker reports, if any
 * @param detail why it could not be read, for {@link Status#FAILED} and {@link
 *     Status#NOT_RETRIEVABLE}
 */
public record LiveResource(
    Address address,
    Status status,
    Optional<String> planId,
    Optional<JsonNode> parameters,
    Optional<String> maintenanceInfoVersion,
    String detail) {

  /** The outcome of reading a resource back. */
  public enum Status {
    /** The broker returned it. */
    FOUND,
    /** 404 and no operation in flight: it is gone (drift). */
    GONE,
    /** 404 while our provision or bind is still in flight: not drift (checklist F-05, F-08). */
    PENDING,
    /** The offering does not allow fetching it (F-01, F-02): drift cannot be seen. */
    NOT_RETRIEVABLE,
    /** The read failed; the resource stays as recorded (F-07). */
    FAILED,
    /** {@code --refresh=false}: not read. */
    NOT_REFRESHED
  }

  public LiveResource {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(planId, "planId");
    parameters = parameters.map(JsonNode::deepCopy);
    Objects.requireNonNull(maintenanceInfoVersion, "maintenanceInfoVersion");
    Objects.requireNonNull(detail, "detail");
  }

  /** A resource that was not or could not be read. */
  public static LiveResource unread(Address address, Status status, String detail) {
    return new LiveResource(
        address, status, Optional.empty(), Optional.empty(), Optional.empty(), detail);
  }

  @Override
  public Optional<JsonNode> parameters() {
    return parameters.map(JsonNode::deepCopy);
  }
}
