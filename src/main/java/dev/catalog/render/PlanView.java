package dev.catalog.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.FrozenJson;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every plan format shows, with secrets already removed: the view model the text, JSON and
 * Markdown renderers share.
 *
 * @param changes every resource's change, no-ops included, by address
 * @param drift resources changed outside of catalog
 * @param pending work an earlier apply left, which apply does first
 * @param notes warnings (unreadable resources, catalog changes)
 * @param targets {@code --target} addresses; empty for a full plan
 * @param refreshed whether live resources were read
 * @param costs the cost change per currency and unit, from the catalog plans' costs
 * @param lockDifferences how the live catalogs differ from catalog.lock.json
 * @param violations policy rules the planned resources break (docs/policies.md)
 * @param stateChanges what apply records in state with no broker request (issue 15)
 */
public record PlanView(
    List<Change> changes,
    List<DriftItem> drift,
    List<Pending> pending,
    List<String> notes,
    List<String> targets,
    boolean refreshed,
    Costs costs,
    List<LockItem> lockDifferences,
    List<Violation> violations,
    List<StateChange> stateChanges) {
  public PlanView {
    changes = List.copyOf(changes);
    drift = List.copyOf(drift);
    pending = List.copyOf(pending);
    notes = List.copyOf(notes);
    targets = List.copyOf(targets);
    Objects.requireNonNull(costs, "costs");
    lockDifferences = List.copyOf(lockDifferences);
    violations = List.copyOf(violations);
    stateChanges = List.copyOf(stateChanges);
  }

  /** A view without state-only changes. */
  public PlanView(
      List<Change> changes,
      List<DriftItem> drift,
      List<Pending> pending,
      List<String> notes,
      List<String> targets,
      boolean refreshed,
      Costs costs,
      List<LockItem> lockDifferences,
      List<Violation> violations) {
    this(
        changes,
        drift,
        pending,
        notes,
        targets,
        refreshed,
        costs,
        lockDifferences,
        violations,
        List.of());
  }

  /** A view without costs, lock differences or policy violations. */
  public PlanView(
      List<Change> changes,
      List<DriftItem> drift,
      List<Pending> pending,
      List<String> notes,
      List<String> targets,
      boolean refreshed) {
    this(changes, drift, pending, notes, targets, refreshed, Costs.NONE, List.of(), List.of());
  }

  /** This view with {@code found} as its policy violations. */
  public PlanView withViolations(List<Violation> found) {
    return new PlanView(
        changes,
        drift,
        pending,
        notes,
        targets,
        refreshed,
        costs,
        lockDifferences,
        found,
        stateChanges);
  }

  /** A policy violation: {@code resource} and {@code rule} are {@code file:line:column}. */
  public record Violation(
      String policy, String address, String message, String resource, String rule) {}

  /**
   * A change to state alone.
   *
   * @param kind its JSON kind: {@code protect} or {@code unprotect}
   * @param description one line for people
   */
  public record StateChange(String address, String kind, String description) {}

  /** One difference from the lock file: its JSON kind, subject and detail. */
  public record LockItem(String kind, String subject, String detail) {}

  /** The cost change; {@code unknown} lists instances whose leaving plan's costs are unknown. */
  public record Costs(List<Cost> changes, List<String> unknown) {
    public static final Costs NONE = new Costs(List.of(), List.of());

    public Costs {
      changes = List.copyOf(changes);
      unknown = List.copyOf(unknown);
    }

    /** Whether there is nothing to show. */
    public boolean isEmpty() {
      return changes.isEmpty() && unknown.isEmpty();
    }
  }

  /**
   * The change in one currency per one unit.
   *
   * @param delta signed, at least two decimals: {@code +99.00}, {@code -25.00}
   */
  public record Cost(String currency, String unit, java.math.BigDecimal amount, String delta) {}

  /**
   * One resource's change. {@code before}/{@code after} hold no secret: masks say where. {@code
   * sink} is a binding's credentials sink (docs/plan-json.md), absent for an instance.
   */
  public record Change(
      String address,
      String kind,
      String name,
      String broker,
      String action,
      String symbol,
      List<String> actions,
      List<Reason> reasons,
      List<Field> fields,
      Optional<JsonNode> before,
      Optional<JsonNode> after,
      List<String> beforeSensitive,
      List<String> afterSensitive,
      Optional<JsonNode> sink) {
    public Change {
      sink = sink.map(FrozenJson::freeze);
      actions = List.copyOf(actions);
      reasons = List.copyOf(reasons);
      fields = List.copyOf(fields);
      // Frozen, not copied: immutable, and shared with the plan's records (issue 7).
      before = before.map(FrozenJson::freeze);
      after = after.map(FrozenJson::freeze);
      beforeSensitive = List.copyOf(beforeSensitive);
      afterSensitive = List.copyOf(afterSensitive);
    }
  }

  /** A reason: its JSON name and its phrase. */
  public record Reason(String code, String description) {}

  /** One field, values as compact JSON text; a sensitive field has none. */
  public record Field(
      String path,
      Optional<String> before,
      Optional<String> after,
      boolean sensitive,
      boolean forcesReplacement,
      Optional<JsonNode> beforeJson,
      Optional<JsonNode> afterJson) {
    public Field {
      Objects.requireNonNull(path, "path");
    }
  }

  /**
   * Work an earlier apply left on one resource.
   *
   * @param kind {@code resume} or {@code orphan_mitigation}
   * @param operation the operation resumed, or the request a mitigation sends
   * @param since when it started or was recorded, ISO-8601
   * @param description one line for people
   */
  public record Pending(
      String address, String kind, String operation, String since, String description) {}

  /**
   * A resource changed outside of catalog. {@code kind} is {@code gone} or {@code changed} at the
   * broker, or {@code sink_missing}, {@code sink_not_owned}, {@code sink_changed} for its sink.
   */
  public record DriftItem(String address, String kind, List<Field> fields) {
    public DriftItem {
      fields = List.copyOf(fields);
    }

    /** Whether this is drift of a credentials sink (issue 13). */
    public boolean ofSink() {
      return kind.startsWith("sink_");
    }
  }

  /** Creates plus replaces. */
  public int toAdd() {
    return count("create") + count("replace");
  }

  /** Updates. */
  public int toChange() {
    return count("update");
  }

  /** Deletes plus replaces. */
  public int toDestroy() {
    return count("delete") + count("replace");
  }

  /** Whether any resource action changes something. */
  public boolean hasChanges() {
    return changes.stream().anyMatch(c -> !c.action().equals("no-op"));
  }

  /** Whether apply would do anything: a change, work an earlier apply left, a state write. */
  public boolean hasWork() {
    return hasChanges() || !pending.isEmpty() || !stateChanges.isEmpty();
  }

  /** Whether a resource is deleted or replaced. */
  public boolean destroys() {
    return toDestroy() > 0;
  }

  /** Whether {@code --target} limited the plan. */
  public boolean partial() {
    return !targets.isEmpty();
  }

  private int count(String action) {
    return (int) changes.stream().filter(c -> c.action().equals(action)).count();
  }
}
