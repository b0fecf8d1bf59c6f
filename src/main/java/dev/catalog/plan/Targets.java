package dev.catalog.plan;

import dev.catalog.CatalogException;
import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import java.util.HashSet;
import java.util.List;

/**
 * {@code --target}: keeps the targeted resources and what they depend on (a binding's instance), as
 * Terraform does; the plan then says it is partial.
 */
final class Targets {
  private Targets() {}

  static List<ResourceChange> limit(List<ResourceChange> changes, List<Address> targets) {
    if (targets.isEmpty()) {
      return changes;
    }
    var keep = new HashSet<Address>();
    for (var target : targets) {
      var change =
          changes.stream()
              .filter(c -> c.address().equals(target))
              .findFirst()
              .orElseThrow(
                  () ->
                      new CatalogException(
                          "--target "
                              + target
                              + ": no such resource in the configuration or the state"));
      keep.add(target);
      instanceOf(change).ifPresent(keep::add);
    }
    return changes.stream().filter(c -> keep.contains(c.address())).toList();
  }

  private static java.util.Optional<Address> instanceOf(ResourceChange change) {
    if (change.desired().orElse(null) instanceof DesiredResource.OfBinding b) {
      return java.util.Optional.of(b.binding().instance().address());
    }
    if (change.recorded().orElse(null) instanceof BindingState b) {
      return java.util.Optional.of(b.instance());
    }
    return java.util.Optional.empty();
  }
}
