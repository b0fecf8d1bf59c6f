package dev.catalog.testbroker;

import java.util.Map;

/** A binding as the reference broker holds it, with the credentials it handed out. */
public record LedgerBinding(
    String id,
    String instanceId,
    String serviceId,
    String planId,
    Map<String, Object> parameters,
    Map<String, Object> credentials) {

  public LedgerBinding {
    parameters = Map.copyOf(parameters);
    credentials = Map.copyOf(credentials);
  }

  @Override
  public String toString() {
    return "LedgerBinding[id=" + id + ", instanceId=" + instanceId + ", planId=" + planId + "]";
  }
}
