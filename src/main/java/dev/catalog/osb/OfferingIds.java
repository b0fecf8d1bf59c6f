package dev.catalog.osb;

import java.util.Objects;

/**
 * The {@code service_id} and {@code plan_id} a DELETE or poll must carry (checklist D-02, D-03,
 * UB-01, P-08). For a poll after a plan change, the pre-update plan (P-09).
 */
public record OfferingIds(String serviceId, String planId) {
  public OfferingIds {
    Objects.requireNonNull(serviceId, "serviceId");
    Objects.requireNonNull(planId, "planId");
    if (serviceId.isEmpty() || planId.isEmpty()) {
      throw new IllegalArgumentException("service_id and plan_id must not be empty");
    }
  }
}
