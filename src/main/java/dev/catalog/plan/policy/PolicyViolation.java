package dev.catalog.plan.policy;

import dev.catalog.config.Location;
import java.util.Objects;

/**
 * A planned resource that a policy refuses.
 *
 * @param policy the policy's name
 * @param address the resource, {@code instance.NAME}
 * @param message the policy's message
 * @param resource where the resource is declared
 * @param rule where the policy's rule is written
 */
public record PolicyViolation(
    String policy, String address, String message, Location resource, Location rule) {
  public PolicyViolation {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(rule, "rule");
  }

  /** {@code catalog.yaml:9:5: instance.db: policy "x" (policies.yaml:3:11): message}. */
  @Override
  public String toString() {
    return resource
        + ": "
        + address
        + ": policy \""
        + policy
        + "\" ("
        + rule
        + ") refused it: "
        + message;
  }
}
