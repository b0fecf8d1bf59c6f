package dev.catalog.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.FrozenJson;
import dev.catalog.plan.Action;
import dev.catalog.plan.CostSummary;
import dev.catalog.plan.DesiredResource;
import dev.catalog.plan.Drift;
import dev.catalog.plan.SinkSummary;
import dev.catalog.plan.FieldChange;
import dev.catalog.plan.Plan;
import dev.catalog.plan.ResourceChange;
import dev.catalog.state.BindingState;
import dev.catalog.state.InstanceState;
import dev.catalog.state.ResourceState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Builds the one {@link PlanView} all formats render; secret values are left out here. */
public final class PlanViews {
  private PlanViews() {}

  /** The view of {@code plan}. */
  public static PlanView of(Plan plan) {
    return of(plan, true);
  }

  /**
   * The view of {@code plan}, with or without each resource's {@code before}/{@code after}
   * snapshots: only the JSON plan shows them, and for 100,000 instances they were about 100 MB the
   * text and Markdown outputs never read (issue 7).
   */
  public static PlanView of(Plan plan, boolean snapshots) {
    var changes =
        plan.changes().stream()
            .map(c -> change(c, snapshots, plan.graph().createsBeforeDestroy(c.address())))
            .toList();
    var drift = plan.drift().stream().map(PlanViews::drift).toList();
    var targets = plan.targets().stream().map(Object::toString).toList();
    var pending =
        plan.pending().stream()
            .map(
                p ->
                    new PlanView.Pending(
                        p.address().toString(),
                        p.kind().wireName(),
                        p.operation().wireName(),
                        p.since().toString(),
                        p.describe()))
            .toList();
    return new PlanView(
        changes,
        drift,
        pending,
        plan.notes(),
        targets,
        plan.refreshed(),
        costs(plan.costs()),
        plan.lockDifferences().stream()
            .map(d -> new PlanView.LockItem(d.kind().code(), d.subject(), d.detail()))
            .toList(),
        List.of(),
        plan.stateChanges().stream()
            .map(
                s ->
                    new PlanView.StateChange(
                        s.address().toString(), s.kind().wireName(), s.kind().description()))
            .toList());
  }

  private static PlanView.Costs costs(CostSummary summary) {
    if (summary.isEmpty()) {
      return PlanView.Costs.NONE;
    }
    var changes =
        summary.changes().stream()
            .map(c -> new PlanView.Cost(c.currency(), c.unit(), c.delta(), signed(c.delta())))
            .toList();
    return new PlanView.Costs(changes, summary.unknown());
  }

  /** {@code +99.00}: a sign always, and cents even when the catalog gave whole amounts. */
  static String signed(BigDecimal amount) {
    var scaled = amount.setScale(Math.max(2, amount.stripTrailingZeros().scale()));
    return (amount.signum() >= 0 ? "+" : "") + scaled.toPlainString();
  }

  /**
   * Drift is read for every resource; with {@code --target} only that of the resources the plan
   * kept (the targets and their dependencies) is reported, as {@code drift --target} promises.
   */
  public static PlanView targetedDrift(PlanView view) {
    if (view.targets().isEmpty()) {
      return view;
    }
    var kept = new HashSet<String>();
    view.changes().forEach(c -> kept.add(c.address()));
    var drift = view.drift().stream().filter(d -> kept.contains(d.address())).toList();
    return new PlanView(
        view.changes(),
        drift,
        view.pending(),
        view.notes(),
        view.targets(),
        view.refreshed(),
        view.costs(),
        view.lockDifferences(),
        view.violations(),
        view.stateChanges());
  }

  /**
   * @param createsFirst a replace that creates before it destroys (issue 14): {@code +/-} and
   *     actions {@code ["create", "delete"]}, as in Terraform
   */
  private static PlanView.Change change(ResourceChange c, boolean snapshots, boolean createsFirst) {
    // No-op changes have no reasons and no fields: the shared empty list, not two new ones for
    // each of 300,000 resources (issue 7).
    var reasons =
        c.reasons().isEmpty()
            ? List.<PlanView.Reason>of()
            : c.reasons().stream()
                .map(r -> new PlanView.Reason(r.wireName(), r.description()))
                .toList();
    // A create over a record is a re-create of a resource gone at its broker: as in Terraform,
    // a create has no "before" (the gone record is shown as drift).
    var before =
        c.recorded().filter(r -> snapshots && c.action() != Action.CREATE).map(PlanViews::recorded);
    var after = c.desired().filter(d -> snapshots).map(PlanViews::desired);
    return new PlanView.Change(
        c.address().toString(),
        c.address().kind().prefix(),
        c.address().name(),
        c.broker(),
        c.action().wireName(),
        createsFirst ? CREATE_BEFORE_DESTROY_SYMBOL : c.action().symbol(),
        createsFirst ? CREATE_BEFORE_DESTROY : actions(c.action()),
        reasons,
        c.fields().isEmpty() ? List.of() : c.fields().stream().map(PlanViews::field).toList(),
        before.map(Snapshot::json),
        after.map(Snapshot::json),
        before.map(Snapshot::sensitive).orElse(List.of()),
        after.map(Snapshot::sensitive).orElse(List.of()),
        sink(c));
  }

  /** A binding's sink: the configured one, or for a delete the recorded one. */
  private static Optional<JsonNode> sink(ResourceChange c) {
    if (c.desired().orElse(null) instanceof DesiredResource.OfBinding d) {
      return Optional.of(SinkSummary.of(d.binding().config().credentials()));
    }
    if (c.recorded().orElse(null) instanceof BindingState b) {
      return b.sink().map(SinkSummary::of);
    }
    return Optional.empty();
  }

  private static PlanView.DriftItem drift(Drift d) {
    return new PlanView.DriftItem(
        d.address().toString(),
        d.kind().name().toLowerCase(Locale.ROOT),
        d.fields().stream().map(PlanViews::field).toList());
  }

  static PlanView.Field field(FieldChange f) {
    return new PlanView.Field(
        f.path(),
        f.before().map(JsonNode::toString),
        f.after().map(JsonNode::toString),
        f.sensitive(),
        f.forcesReplacement(),
        f.before(),
        f.after());
  }

  /** The symbol of a replace that creates its new object first, as in Terraform. */
  static final String CREATE_BEFORE_DESTROY_SYMBOL = "+/-";

  /** The actions of such a replace, in their order. */
  static final List<String> CREATE_BEFORE_DESTROY = List.of("create", "delete");

  /** Terraform's ordered action lists: a replace deletes first, then creates. */
  static List<String> actions(Action action) {
    return ACTIONS.get(action);
  }

  // One immutable list per action, shared by every change that takes it (issue 7).
  private static final Map<Action, List<String>> ACTIONS = actionLists();

  private static Map<Action, List<String>> actionLists() {
    var lists = new EnumMap<Action, List<String>>(Action.class);
    for (var action : Action.values()) {
      lists.put(
          action,
          action == Action.REPLACE ? List.of("delete", "create") : List.of(action.wireName()));
    }
    return Collections.unmodifiableMap(lists);
  }

  private record Snapshot(ObjectNode json, List<String> sensitive) {}

  private static Snapshot recorded(ResourceState r) {
    var json = JsonNodeFactory.instance.objectNode();
    var sensitive = new ArrayList<String>();
    if (r instanceof InstanceState i) {
      json.put("broker", i.broker());
      json.put("service", i.service().name());
      json.put("plan", i.plan().name());
      json.set("parameters", i.parameters().frozenValues());
      json.set("context", i.frozenContext());
      i.maintenanceInfoVersion().ifPresent(v -> json.put("maintenance_info_version", v));
      i.parameters().sensitivePointers().forEach(p -> sensitive.add("/parameters" + p));
    } else if (r instanceof BindingState b) {
      json.put("instance", b.instance().name());
      json.set("parameters", b.parameters().frozenValues());
      b.parameters().sensitivePointers().forEach(p -> sensitive.add("/parameters" + p));
    }
    // Frozen, sharing the records' own trees: a view of every resource, no-ops included, was
    // the largest part of a 100,000-instance plan (issue 7).
    return new Snapshot(FrozenJson.freeze(json), sensitive);
  }

  private static Snapshot desired(DesiredResource d) {
    var json = JsonNodeFactory.instance.objectNode();
    var sensitive = new ArrayList<String>();
    if (d instanceof DesiredResource.OfInstance of) {
      var i = of.instance();
      json.put("broker", i.broker());
      json.put("service", i.service().name());
      json.put("plan", i.plan().name());
      json.set("parameters", i.parameters().redacted());
      json.set("context", i.frozenContext());
      i.maintenanceInfoVersion().ifPresent(v -> json.put("maintenance_info_version", v));
      i.parameters().sensitivePointers().forEach(p -> sensitive.add("/parameters" + p));
    } else if (d instanceof DesiredResource.OfBinding of) {
      var b = of.binding();
      json.put("instance", b.config().instance());
      json.set("parameters", b.parameters().redacted());
      b.parameters().sensitivePointers().forEach(p -> sensitive.add("/parameters" + p));
    }
    // Frozen, sharing the records' own trees: a view of every resource, no-ops included, was
    // the largest part of a 100,000-instance plan (issue 7).
    return new Snapshot(FrozenJson.freeze(json), sensitive);
  }
}
