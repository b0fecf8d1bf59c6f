package dev.catalog.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The declared resources resolved against the catalogs, by name, plus what the resolver noticed
 * that is worth a warning (a plan gone from the catalog, a schema that could not be used).
 */
public record Resolution(
    Map<String, DesiredInstance> instances,
    Map<String, DesiredBinding> bindings,
    List<String> notes) {
  public Resolution {
    instances = java.util.Collections.unmodifiableMap(new TreeMap<>(instances));
    bindings = java.util.Collections.unmodifiableMap(new TreeMap<>(bindings));
    notes = List.copyOf(notes);
  }

  /** The resolved instance of this name. */
  public Optional<DesiredInstance> instance(String name) {
    return Optional.ofNullable(instances.get(name));
  }

  /** The resolved binding of this name. */
  public Optional<DesiredBinding> binding(String name) {
    return Optional.ofNullable(bindings.get(name));
  }
}
