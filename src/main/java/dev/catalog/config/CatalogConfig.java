package dev.catalog.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole desired state, merged from every file given with {@code -f}: valid by construction of
 * the loader (names unique, references resolved).
 *
 * @param apiVersion always {@code catalog/v1}
 * @param backend where state is kept
 * @param policies guardrails every planned resource must pass (docs/policies.md)
 */
public record CatalogConfig(
    String apiVersion,
    Backend backend,
    List<Broker> brokers,
    List<Instance> instances,
    List<Binding> bindings,
    List<Policy> policies) {
  /** The only configuration format version this build reads. */
  public static final String API_VERSION = "catalog/v1";

  public CatalogConfig {
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(backend, "backend");
    brokers = List.copyOf(brokers);
    instances = List.copyOf(instances);
    bindings = List.copyOf(bindings);
    policies = List.copyOf(policies);
  }

  /** A configuration without policies. */
  public CatalogConfig(
      String apiVersion,
      Backend backend,
      List<Broker> brokers,
      List<Instance> instances,
      List<Binding> bindings) {
    this(apiVersion, backend, brokers, instances, bindings, List.of());
  }

  /** The broker with this name. */
  public Optional<Broker> broker(String name) {
    return brokers.stream().filter(b -> b.name().equals(name)).findFirst();
  }

  /** The instance with this name. */
  public Optional<Instance> instance(String name) {
    return instances.stream().filter(i -> i.name().equals(name)).findFirst();
  }

  /** The binding with this name. */
  public Optional<Binding> binding(String name) {
    return bindings.stream().filter(b -> b.name().equals(name)).findFirst();
  }

  /** The bindings of an instance, in declaration order. */
  public List<Binding> bindingsOf(String instanceName) {
    return bindings.stream().filter(b -> b.instance().equals(instanceName)).toList();
  }
}
