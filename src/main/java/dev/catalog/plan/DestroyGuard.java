package dev.catalog.plan;

import dev.catalog.CatalogException;
import dev.catalog.config.Diagnostic;
import dev.catalog.config.Lifecycle;
import dev.catalog.config.Source;
import dev.catalog.state.Address;
import dev.catalog.state.ResourceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The destroy guards of issue 15: {@code lifecycle.preventDestroy} as declared <em>or as recorded
 * in state</em> (so deleting a YAML entry cannot destroy a protected resource), the state-only
 * changes that record it, and {@code --max-destroy}. All run on the finished plan, before apply
 * sends anything.
 */
public final class DestroyGuard {
  private DestroyGuard() {}

  /**
   * Refuses a plan that deletes or replaces a protected resource, naming every one.
   *
   * @throws CatalogException listing each protected resource the plan would destroy
   */
  static void refuseProtectedDestroys(List<ResourceChange> changes) {
    var lines = new ArrayList<String>();
    for (var change : changes) {
      if (change.action() != Action.DELETE && change.action() != Action.REPLACE) {
        continue;
      }
      var recorded = change.recorded().map(ResourceState::preventDestroy).orElse(false);
      var declared = change.desired().map(DestroyGuard::lifecycle);
      if (declared.isPresent() && declared.get().preventDestroy()) {
        lines.add(
            Diagnostic.at(
                    source(change.desired().get()),
                    "lifecycle.preventDestroy",
                    kindName(change.address())
                        + " would be destroyed ("
                        + change.action().wireName()
                        + ") but preventDestroy is set",
                    "revert the change that forces replacement, or set preventDestroy: false")
                .toString());
      } else if (declared.isPresent() && recorded) {
        lines.add(
            Diagnostic.at(
                    source(change.desired().get()),
                    "lifecycle.preventDestroy",
                    kindName(change.address())
                        + " would be destroyed ("
                        + change.action().wireName()
                        + ") but state still records preventDestroy: true from its last apply",
                    "apply preventDestroy: false on its own first (no broker request), then"
                        + " make this change")
                .toString());
      } else if (recorded) {
        lines.add(
            change.address()
                + ": the plan would delete it, but state records lifecycle.preventDestroy: true"
                + " from its last apply; to delete it, set preventDestroy: false in its YAML"
                + " entry (declare it again if it was removed) and apply, then delete it");
      }
    }
    if (!lines.isEmpty()) {
      throw new CatalogException(String.join("\n", lines));
    }
  }

  /**
   * The state-only changes that record each declared resource's {@code preventDestroy} where state
   * holds another value; resources the plan creates get it with their create.
   */
  static List<StateOnlyChange> protectionChanges(List<ResourceChange> changes) {
    var out = new ArrayList<StateOnlyChange>();
    for (var change : changes) {
      // A create (of one gone at its broker) writes the declared value with its new record.
      if (change.action() == Action.CREATE
          || change.desired().isEmpty()
          || change.recorded().isEmpty()) {
        continue;
      }
      boolean declared = lifecycle(change.desired().get()).preventDestroy();
      if (declared != change.recorded().get().preventDestroy()) {
        out.add(new StateOnlyChange(change.address(), StateOnlyChange.Kind.recording(declared)));
      }
    }
    return out;
  }

  /**
   * Refuses a plan that deletes or replaces more than {@code max} resources ({@code
   * --max-destroy}).
   *
   * @throws CatalogException naming what would be destroyed and how to allow it
   */
  public static void checkLimit(Plan plan, Optional<Integer> max) {
    if (max.isEmpty() || plan.toDestroy() <= max.get()) {
      return;
    }
    var destroying =
        plan.destroying().stream()
            .map(
                c ->
                    c.address()
                        + (c.action() == Action.REPLACE ? " (replace)" : ""))
            .collect(Collectors.joining(", "));
    throw new CatalogException(
        "the plan would destroy "
            + plan.toDestroy()
            + (plan.toDestroy() == 1 ? " resource" : " resources")
            + " ("
            + destroying
            + "), more than --max-destroy "
            + max.get()
            + " allows; nothing was changed. Review the plan; if it is intended, run again with"
            + " --max-destroy "
            + plan.toDestroy());
  }

  private static Lifecycle lifecycle(DesiredResource desired) {
    if (desired instanceof DesiredResource.OfInstance i) {
      return i.instance().config().lifecycle();
    }
    return ((DesiredResource.OfBinding) desired).binding().config().lifecycle();
  }

  private static Source source(DesiredResource desired) {
    if (desired instanceof DesiredResource.OfInstance i) {
      return i.instance().config().source();
    }
    return ((DesiredResource.OfBinding) desired).binding().config().source();
  }

  private static String kindName(Address address) {
    return address.kind().name().toLowerCase(java.util.Locale.ROOT)
        + " \""
        + address.name()
        + "\"";
  }
}
