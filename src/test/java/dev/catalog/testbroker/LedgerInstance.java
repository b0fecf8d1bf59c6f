package dev.catalog.testbroker;

import java.util.Map;

/** A service instance as the reference broker holds it. */
public record LedgerInstance(
    String id, String serviceId, String planId, Map<String, Object> parameters, Status status) {

  /** Lifecycle of an instance; async operations pass through the -ING states. */
  public enum Status {
    CREATING,
    READY,
    UPDATING,
    DELETING,
    FAILED
  }

  public LedgerInstance {
    parameters = Map.copyOf(parameters);
  }

  LedgerInstance with(Status next) {
    return new LedgerInstance(id, serviceId, planId, parameters, next);
  }
}
