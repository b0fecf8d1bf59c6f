package dev.catalog.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The plan as versioned JSON (docs/plan-json.md, schema {@code plan-json-schema.json}). Secret
 * values are absent; {@code before_sensitive}/{@code after_sensitive} list where they were.
 */
public final class JsonPlanRenderer {
  /** The document version; bumped on any incompatible change (docs/plan-json.md). */
  public static final String FORMAT_VERSION = "1.2";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The JSON format as a {@link PlanRenderer}, for callers that choose a format at run time. */
  public static final PlanRenderer FORMAT =
      new PlanRenderer() {
        @Override
        public String render(PlanView plan) {
          return JsonPlanRenderer.render(plan);
        }

        @Override
        public String renderDrift(PlanView plan) {
          return JsonPlanRenderer.renderDrift(plan);
        }
      };

  private JsonPlanRenderer() {}

  /** The plan document, pretty-printed, with a trailing newline. */
  public static String render(PlanView plan) {
    return write(document(plan, false));
  }

  /** The drift-only document of {@code catalog drift}: no resource changes. */
  public static String renderDrift(PlanView plan) {
    return write(document(plan, true));
  }

  /** The plan document as a tree (saved plans embed it). */
  public static ObjectNode document(PlanView plan, boolean driftOnly) {
    var doc = JsonNodeFactory.instance.objectNode();
    doc.put("format_version", FORMAT_VERSION);
    doc.put("applyable", !driftOnly && plan.hasWork());
    doc.put("partial", plan.partial());
    strings(doc.putArray("targets"), plan.targets());
    doc.put("refreshed", plan.refreshed());
    var counts = doc.putObject("counts");
    counts.put("add", driftOnly ? 0 : plan.toAdd());
    counts.put("change", driftOnly ? 0 : plan.toChange());
    counts.put("destroy", driftOnly ? 0 : plan.toDestroy());
    counts.put("drift", plan.drift().size());
    counts.put("sink_drift", plan.drift().stream().filter(PlanView.DriftItem::ofSink).count());
    counts.put("pending", driftOnly ? 0 : plan.pending().size());
    counts.put("state_only", driftOnly ? 0 : plan.stateChanges().size());
    var drift = doc.putArray("resource_drift");
    for (var d : plan.drift()) {
      if (d.ofSink()) {
        continue;
      }
      var item = drift.addObject();
      item.put("address", d.address());
      item.put("drift", d.kind());
      fields(item.putArray("fields"), d.fields());
    }
    // Sink drift (issue 13): the Secret or file a binding's credentials went to.
    var sinkDrift = doc.putArray("sink_drift");
    for (var d : plan.drift()) {
      if (d.ofSink()) {
        var item = sinkDrift.addObject();
        item.put("address", d.address());
        item.put("drift", d.kind().substring("sink_".length()));
        fields(item.putArray("fields"), d.fields());
      }
    }
    var pending = doc.putArray("pending_work");
    if (!driftOnly) {
      for (var p : plan.pending()) {
        var item = pending.addObject();
        item.put("address", p.address());
        item.put("kind", p.kind());
        item.put("operation", p.operation());
        item.put("since", p.since());
        item.put("description", p.description());
      }
    }
    var stateChanges = doc.putArray("state_changes");
    if (!driftOnly) {
      for (var s : plan.stateChanges()) {
        stateChanges
            .addObject()
            .put("address", s.address())
            .put("kind", s.kind())
            .put("description", s.description());
      }
    }
    var changes = doc.putArray("resource_changes");
    if (!driftOnly) {
      plan.changes().forEach(c -> change(changes.addObject(), c));
    }
    if (!driftOnly) {
      var costs = doc.putObject("cost_changes");
      var changesOut = costs.putArray("changes");
      for (var c : plan.costs().changes()) {
        var item = changesOut.addObject();
        item.put("currency", c.currency());
        item.put("unit", c.unit());
        item.put(
            "delta", new java.math.BigDecimal(c.amount().stripTrailingZeros().toPlainString()));
      }
      strings(costs.putArray("not_counted"), plan.costs().unknown());
    }
    var violations = doc.putArray("policy_violations");
    for (var v : plan.violations()) {
      violations
          .addObject()
          .put("policy", v.policy())
          .put("address", v.address())
          .put("message", v.message())
          .put("resource_location", v.resource())
          .put("rule_location", v.rule());
    }
    var lock = doc.putArray("lock_differences");
    for (var d : plan.lockDifferences()) {
      lock.addObject().put("kind", d.kind()).put("subject", d.subject()).put("detail", d.detail());
    }
    strings(doc.putArray("warnings"), plan.notes());
    return doc;
  }

  private static void change(ObjectNode item, PlanView.Change c) {
    item.put("address", c.address());
    item.put("type", c.kind());
    item.put("name", c.name());
    item.put("broker", c.broker());
    var change = item.putObject("change");
    strings(change.putArray("actions"), c.actions());
    change.set(
        "before",
        c.before()
            .map(b -> (com.fasterxml.jackson.databind.JsonNode) b)
            .orElse(JsonNodeFactory.instance.nullNode()));
    change.set(
        "after",
        c.after()
            .map(a -> (com.fasterxml.jackson.databind.JsonNode) a)
            .orElse(JsonNodeFactory.instance.nullNode()));
    strings(change.putArray("before_sensitive"), c.beforeSensitive());
    strings(change.putArray("after_sensitive"), c.afterSensitive());
    fields(change.putArray("fields"), c.fields());
    strings(
        item.putArray("action_reason"), c.reasons().stream().map(PlanView.Reason::code).toList());
    c.sink().ifPresent(sink -> item.set("sink", sink));
  }

  private static void fields(ArrayNode array, List<PlanView.Field> fields) {
    for (var f : fields) {
      var field = array.addObject();
      field.put("path", f.path());
      field.put("sensitive", f.sensitive());
      f.beforeJson().ifPresent(b -> field.set("before", b));
      f.afterJson().ifPresent(a -> field.set("after", a));
      field.put("forces_replacement", f.forcesReplacement());
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static String write(ObjectNode doc) {
    try {
      return JSON.writeValueAsString(doc) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }
}
