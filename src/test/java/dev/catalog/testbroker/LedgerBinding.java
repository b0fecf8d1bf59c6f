package dev.catalog.testbroker;

import java.util.Map;

/**
 * A binding as the reference broker holds it, with the credentials it handed out; async bindings
 * pass through {@code CREATING} and {@code DELETING}.
 */
public record LedgerBinding(
    String id,
    String instanceId,
    String serviceId,
    String planId,
    Map<String, Object> parameters,
    Map<String, Object> credentials,
    LedgerInstance.Status status) {

  public LedgerBinding {
    parameters = Map.copyOf(parameters);
    credentials = Map.copyOf(credentials);
  }

  LedgerBinding with(LedgerInstance.Status next) {
    return new LedgerBinding(id, instanceId, serviceId, planId, parameters, credentials, next);
  }

  @Override
  public String toString() {
    return "LedgerBinding[id="
        + id
        + ", instanceId="
        + instanceId
        + ", planId="
        + planId
        + ", status="
        + status
        + "]";
  }
}
