package dev.catalog.plan;

import dev.catalog.state.Address;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A plan: the change of every resource (no-ops included), drift seen at the brokers, warnings, and
 * the dependency graph apply walks.
 *
 * @param changes one per resource, sorted by address
 * @param drift resources changed outside of catalog, sorted by address
 * @param pending work an earlier apply left, which apply does first, sorted by address
 * @param notes warnings: what could not be read, catalog changes, changes not propagated
 * @param targets the {@code --target} addresses; empty for a full plan
 * @param refreshed whether live resources were read ({@code --refresh})
 * @param graph the order apply must follow
 * @param catalogFingerprints {@link CatalogFingerprint} of each catalog read, by broker name; apply
 *     records them in state
 * @param costs the cost change of the instance changes, from the catalog plans' costs
 * @param lockDifferences how the live catalogs differ from {@code catalog.lock.json}; empty without
 *     a lock file
 * @param stateChanges what apply records in state without a broker request, sorted by address
 */
public record Plan(
    List<ResourceChange> changes,
    List<Drift> drift,
    List<PendingWork> pending,
    List<String> notes,
    List<Address> targets,
    boolean refreshed,
    DependencyGraph graph,
    java.util.Map<String, String> catalogFingerprints,
    CostSummary costs,
    List<LockDifference> lockDifferences,
    List<StateOnlyChange> stateChanges) {
  public Plan {
    changes = List.copyOf(changes);
    drift = List.copyOf(drift);
    pending = List.copyOf(pending);
    notes = List.copyOf(notes);
    targets = List.copyOf(targets);
    Objects.requireNonNull(graph, "graph");
    catalogFingerprints = java.util.Map.copyOf(catalogFingerprints);
    Objects.requireNonNull(costs, "costs");
    lockDifferences = List.copyOf(lockDifferences);
    stateChanges = List.copyOf(stateChanges);
  }

  /** A plan without cost information or a lock file. */
  public Plan(
      List<ResourceChange> changes,
      List<Drift> drift,
      List<PendingWork> pending,
      List<String> notes,
      List<Address> targets,
      boolean refreshed,
      DependencyGraph graph,
      java.util.Map<String, String> catalogFingerprints) {
    this(
        changes,
        drift,
        pending,
        notes,
        targets,
        refreshed,
        graph,
        catalogFingerprints,
        CostSummary.NONE,
        List.of(),
        List.of());
  }

  /** Whether {@code --target} limited the plan, so it may not show everything. */
  public boolean partial() {
    return !targets.isEmpty();
  }

  /** The change of one resource. */
  public Optional<ResourceChange> change(Address address) {
    return changes.stream().filter(c -> c.address().equals(address)).findFirst();
  }

  /** Resources created: creates plus replaces, as Terraform counts them. */
  public int toAdd() {
    return count(Action.CREATE) + count(Action.REPLACE);
  }

  /** Resources updated in place. */
  public int toChange() {
    return count(Action.UPDATE);
  }

  /** Resources destroyed: deletes plus replaces. */
  public int toDestroy() {
    return count(Action.DELETE) + count(Action.REPLACE);
  }

  /**
   * Whether any resource action would change something (what {@code --detailed-exitcode} counts).
   */
  public boolean hasChanges() {
    return changes.stream().anyMatch(c -> c.action().changes());
  }

  /**
   * Whether apply would do anything: a resource action, work an earlier apply left, or a
   * state-only change (what {@code --detailed-exitcode} counts).
   */
  public boolean hasWork() {
    return hasChanges() || !pending.isEmpty() || !stateChanges.isEmpty();
  }

  /** The changes that delete a resource: deletes and replaces, by address. */
  public List<ResourceChange> destroying() {
    return changes.stream()
        .filter(c -> c.action() == Action.DELETE || c.action() == Action.REPLACE)
        .toList();
  }

  private int count(Action action) {
    return (int) changes.stream().filter(c -> c.action() == action).count();
  }
}
