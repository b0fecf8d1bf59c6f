package dev.catalog.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.plan.Action;
import dev.catalog.plan.ActionReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a plan JSON document ({@link JsonPlanRenderer}) back into the {@link PlanView} every format
 * renders from, so a saved plan can be shown again, in any format, with no broker and no state
 * ({@code catalog show PLANFILE}). The document holds no secret, so neither does the view.
 */
public final class PlanDocumentReader {
  private PlanDocumentReader() {}

  /** The view of {@code doc}. */
  public static PlanView read(JsonNode doc) {
    var changes = new ArrayList<PlanView.Change>();
    doc.path("resource_changes").forEach(c -> changes.add(change(c)));
    var drift = new ArrayList<PlanView.DriftItem>();
    for (var d : doc.path("resource_drift")) {
      drift.add(
          new PlanView.DriftItem(
              d.path("address").asText(), d.path("drift").asText(), fields(d.path("fields"))));
    }
    for (var d : doc.path("sink_drift")) {
      drift.add(
          new PlanView.DriftItem(
              d.path("address").asText(),
              "sink_" + d.path("drift").asText(),
              fields(d.path("fields"))));
    }
    var pending = new ArrayList<PlanView.Pending>();
    for (var p : doc.path("pending_work")) {
      pending.add(
          new PlanView.Pending(
              p.path("address").asText(),
              p.path("kind").asText(),
              p.path("operation").asText(),
              p.path("since").asText(),
              p.path("description").asText()));
    }
    return new PlanView(
        changes,
        drift,
        pending,
        strings(doc.path("warnings")),
        strings(doc.path("targets")),
        doc.path("refreshed").asBoolean(true),
        costs(doc.path("cost_changes")),
        lockDifferences(doc.path("lock_differences")),
        violations(doc.path("policy_violations")),
        stateChanges(doc.path("state_changes")));
  }

  private static List<PlanView.StateChange> stateChanges(JsonNode node) {
    var out = new ArrayList<PlanView.StateChange>();
    for (var s : node) {
      out.add(
          new PlanView.StateChange(
              s.path("address").asText(), s.path("kind").asText(), s.path("description").asText()));
    }
    return out;
  }

  private static PlanView.Costs costs(JsonNode node) {
    var changes = new ArrayList<PlanView.Cost>();
    for (var c : node.path("changes")) {
      var amount = c.path("delta").decimalValue();
      changes.add(
          new PlanView.Cost(
              c.path("currency").asText(),
              c.path("unit").asText(),
              amount,
              PlanViews.signed(amount)));
    }
    var costs = new PlanView.Costs(changes, strings(node.path("not_counted")));
    return costs.isEmpty() ? PlanView.Costs.NONE : costs;
  }

  private static java.util.List<PlanView.LockItem> lockDifferences(JsonNode node) {
    var out = new ArrayList<PlanView.LockItem>();
    for (var d : node) {
      out.add(
          new PlanView.LockItem(
              d.path("kind").asText(), d.path("subject").asText(), d.path("detail").asText()));
    }
    return out;
  }

  private static java.util.List<PlanView.Violation> violations(JsonNode node) {
    var out = new ArrayList<PlanView.Violation>();
    for (var v : node) {
      out.add(
          new PlanView.Violation(
              v.path("policy").asText(),
              v.path("address").asText(),
              v.path("message").asText(),
              v.path("resource_location").asText(),
              v.path("rule_location").asText()));
    }
    return out;
  }

  private static PlanView.Change change(JsonNode c) {
    var change = c.path("change");
    var actions = strings(change.path("actions"));
    boolean createsFirst = actions.equals(PlanViews.CREATE_BEFORE_DESTROY);
    var action =
        actions.equals(List.of("delete", "create")) || createsFirst
            ? Action.REPLACE
            : action(actions);
    var reasons = new ArrayList<PlanView.Reason>();
    for (var code : c.path("action_reason")) {
      reasons.add(new PlanView.Reason(code.asText(), description(code.asText())));
    }
    return new PlanView.Change(
        c.path("address").asText(),
        c.path("type").asText(),
        c.path("name").asText(),
        c.path("broker").asText(),
        action.wireName(),
        createsFirst ? PlanViews.CREATE_BEFORE_DESTROY_SYMBOL : action.symbol(),
        actions,
        reasons,
        fields(change.path("fields")),
        object(change.path("before")),
        object(change.path("after")),
        strings(change.path("before_sensitive")),
        strings(change.path("after_sensitive")),
        object(c.path("sink")));
  }

  private static Action action(List<String> actions) {
    var name = actions.isEmpty() ? "no-op" : actions.get(0);
    for (var a : Action.values()) {
      if (a.wireName().equals(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown action \"" + name + "\" in the plan document");
  }

  private static String description(String code) {
    for (var r : ActionReason.values()) {
      if (r.wireName().equals(code)) {
        return r.description();
      }
    }
    return code; // written by a newer catalog: its code is the best description known here
  }

  private static List<PlanView.Field> fields(JsonNode fields) {
    var list = new ArrayList<PlanView.Field>();
    for (var f : fields) {
      var before = Optional.ofNullable(f.get("before"));
      var after = Optional.ofNullable(f.get("after"));
      list.add(
          new PlanView.Field(
              f.path("path").asText(),
              before.map(JsonNode::toString),
              after.map(JsonNode::toString),
              f.path("sensitive").asBoolean(),
              f.path("forces_replacement").asBoolean(),
              before,
              after));
    }
    return list;
  }

  private static Optional<JsonNode> object(JsonNode node) {
    return node.isObject() ? Optional.of(node) : Optional.empty();
  }

  private static List<String> strings(JsonNode array) {
    var list = new ArrayList<String>();
    array.forEach(s -> list.add(s.asText()));
    return list;
  }
}
