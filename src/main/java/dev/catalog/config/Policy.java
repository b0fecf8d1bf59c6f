package dev.catalog.config;

import java.util.List;
import java.util.Objects;

/**
 * One guardrail of {@code policies:} (docs/policies.md): a CEL expression that must be true for
 * every planned resource in its scope.
 *
 * @param name the policy's name, for messages
 * @param rule the CEL expression, evaluated with {@code resource} and {@code instances}
 * @param message what a violation says
 * @param brokers only resources on these brokers; empty for all
 * @param services only resources of these services; empty for all
 * @param location where the policy is declared
 * @param ruleLocation where its rule is written
 */
public record Policy(
    String name,
    String rule,
    String message,
    List<String> brokers,
    List<String> services,
    Location location,
    Location ruleLocation) {
  public Policy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
    brokers = List.copyOf(brokers);
    services = List.copyOf(services);
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(ruleLocation, "ruleLocation");
  }
}
