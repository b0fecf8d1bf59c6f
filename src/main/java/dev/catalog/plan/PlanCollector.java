package dev.catalog.plan;

import dev.catalog.config.Diagnostic;
import dev.catalog.state.Address;
import dev.catalog.state.ResourceKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Gathers what the differs find: changes, drift, notes and errors. Used by one thread. */
final class PlanCollector {
  private final List<ResourceChange> changes = new ArrayList<>();
  // Bindings look up their instance's change; a scan of the list made a plan O(n^2) (issue 7).
  // Only instances' changes are looked up, so only they are indexed (200,000 fewer entries).
  private final Map<Address, ResourceChange> firstChange = new HashMap<>();
  private final List<Drift> drift = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final List<Diagnostic> errors = new ArrayList<>();

  void change(ResourceChange change) {
    changes.add(change);
    if (change.address().kind() == ResourceKind.INSTANCE) {
      firstChange.putIfAbsent(change.address(), change);
    }
  }

  /**
   * Turns the change of {@code address} into a replace asked for with {@code --replace} (issue 14):
   * a no-op or an update becomes a replace, a replace gains the reason; a create or delete stays as
   * it is, there being nothing recorded to replace or nothing declared to create.
   */
  void forceReplace(Address address) {
    for (int i = changes.size() - 1; i >= 0; i--) {
      var c = changes.get(i);
      if (!c.address().equals(address)) {
        continue;
      }
      if (c.action() == Action.CREATE || c.action() == Action.DELETE) {
        return;
      }
      var reasons = new ArrayList<>(c.reasons());
      reasons.add(ActionReason.REPLACE_BY_REQUEST);
      var forced =
          new ResourceChange(
              c.address(),
              Action.REPLACE,
              reasons,
              c.broker(),
              c.fields(),
              c.desired(),
              c.recorded(),
              Optional.empty());
      changes.set(i, forced);
      if (firstChange.get(address) == c) {
        firstChange.put(address, forced);
      }
      return;
    }
  }

  void drift(Drift found) {
    drift.add(found);
  }

  void note(String note) {
    notes.add(note);
  }

  void error(Diagnostic diagnostic) {
    errors.add(diagnostic);
  }

  /** The first change of an instance (bindings are not indexed). */
  Optional<ResourceChange> change(Address address) {
    return Optional.ofNullable(firstChange.get(address));
  }

  List<ResourceChange> changes() {
    return changes.stream().sorted(Comparator.comparing(ResourceChange::address)).toList();
  }

  List<Drift> drift() {
    return drift.stream().sorted(Comparator.comparing(Drift::address)).toList();
  }

  List<String> notes() {
    return List.copyOf(notes);
  }

  List<Diagnostic> errors() {
    return List.copyOf(errors);
  }
}
