package dev.catalog.plan;

import dev.catalog.CatalogException;
import dev.catalog.config.Suggestions;
import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import dev.catalog.state.ResourceKind;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --target}: keeps the targeted resources and what they depend on (a binding's instance), as
 * Terraform does; the plan then says it is partial. A targeted instance that is deleted or
 * replaced also keeps its bindings' deletes and replaces, as Terraform keeps the dependents of a
 * targeted destroy: a broker may refuse to deprovision an instance that still has bindings, and
 * their records would otherwise point at an instance that is gone.
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
                              + ": no such resource in the configuration or the state"
                              + didYouMean(target, changes)));
      keep.add(target);
      instanceOf(change).ifPresent(keep::add);
    }
    var removed = removedInstances(changes, keep);
    for (var change : changes) {
      if (removes(change) && instanceOf(change).filter(removed::contains).isPresent()) {
        keep.add(change.address());
      }
    }
    return changes.stream().filter(c -> keep.contains(c.address())).toList();
  }

  private static String didYouMean(Address target, List<ResourceChange> changes) {
    var known = changes.stream().map(c -> c.address().toString()).toList();
    return Suggestions.nearest(target.toString(), known)
        .map(near -> "; did you mean \"" + near + "\"?")
        .orElse("");
  }

  private static Set<Address> removedInstances(List<ResourceChange> changes, Set<Address> kept) {
    var removed = new HashSet<Address>();
    for (var change : changes) {
      if (kept.contains(change.address())
          && change.address().kind() == ResourceKind.INSTANCE
          && removes(change)) {
        removed.add(change.address());
      }
    }
    return removed;
  }

  private static boolean removes(ResourceChange change) {
    return change.action() == Action.DELETE || change.action() == Action.REPLACE;
  }

  private static Optional<Address> instanceOf(ResourceChange change) {
    if (change.desired().orElse(null) instanceof DesiredResource.OfBinding b) {
      return Optional.of(b.binding().instance().address());
    }
    if (change.recorded().orElse(null) instanceof BindingState b) {
      return Optional.of(b.instance());
    }
    return Optional.empty();
  }
}
