package dev.catalog.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What differs between the plan a saved plan file shows (what was reviewed) and a plan made now
 * (what apply would do), both as plan JSON documents: resource actions and their fields, drift,
 * and pending work. Reasons and warnings explain a plan and are not compared; a resource that is a
 * no-op on one side and absent from the other is the same. One line per difference, by address.
 */
public final class PlanDifferences {
  private PlanDifferences() {}

  /** The differences, one line each, sorted by address; empty when the plans are the same. */
  public static List<String> between(JsonNode saved, JsonNode now) {
    var lines = new ArrayList<String>();
    var savedChanges = byAddress(saved.path("resource_changes"));
    changes(savedChanges, byAddress(now.path("resource_changes")), lines);
    drift(byAddress(saved.path("resource_drift")), byAddress(now.path("resource_drift")), lines);
    pending(saved.path("pending_work"), now.path("pending_work"), lines);
    stateChanges(saved.path("state_changes"), now.path("state_changes"), lines);
    return List.copyOf(lines);
  }

  private static void changes(
      Map<String, JsonNode> saved, Map<String, JsonNode> now, List<String> lines) {
    for (var address : union(saved, now)) {
      var was = action(saved.get(address));
      var is = action(now.get(address));
      if (!was.equals(is)) {
        lines.add(address + ": planned " + was + ", now " + is);
        continue;
      }
      if (was.equals("nothing")) {
        continue; // a no-op on one side and absent from the other: nothing either way
      }
      var wasFields = fields(saved.get(address).path("change").path("fields"));
      var isFields = fields(now.get(address).path("change").path("fields"));
      for (var path : union(wasFields, isFields)) {
        if (!Objects.equals(wasFields.get(path), isFields.get(path))) {
          lines.add(
              address
                  + ": "
                  + path
                  + ": planned "
                  + field(wasFields.get(path))
                  + ", now "
                  + field(isFields.get(path)));
        }
      }
    }
  }

  private static void drift(
      Map<String, JsonNode> saved, Map<String, JsonNode> now, List<String> lines) {
    for (var address : union(saved, now)) {
      var was = saved.get(address);
      var is = now.get(address);
      if (Objects.equals(was, is)) {
        continue;
      }
      lines.add(
          address
              + ": drift when planned: "
              + (was == null ? "none" : was.path("drift").asText())
              + ", now: "
              + (is == null ? "none" : is.path("drift").asText())
              + (was != null && is != null ? " (other values)" : ""));
    }
  }

  /** State-only changes (issue 15): recording preventDestroy is part of what was reviewed. */
  private static void stateChanges(JsonNode saved, JsonNode now, List<String> lines) {
    var was = new TreeMap<String, String>();
    saved.forEach(s -> was.put(s.path("address").asText(), s.path("kind").asText()));
    var is = new TreeMap<String, String>();
    now.forEach(s -> is.put(s.path("address").asText(), s.path("kind").asText()));
    for (var address : union(was, is)) {
      var before = was.getOrDefault(address, "nothing");
      var after = is.getOrDefault(address, "nothing");
      if (!before.equals(after)) {
        lines.add(address + ": planned to record " + before + " in state, now " + after);
      }
    }
  }

  private static void pending(JsonNode saved, JsonNode now, List<String> lines) {
    var was = new TreeSet<String>();
    saved.forEach(p -> was.add(pendingLine(p)));
    var is = new TreeSet<String>();
    now.forEach(p -> is.add(pendingLine(p)));
    for (var line : was) {
      if (!is.contains(line)) {
        lines.add(line + ": pending when planned, now no longer");
      }
    }
    for (var line : is) {
      if (!was.contains(line)) {
        lines.add(line + ": not pending when planned, now pending");
      }
    }
  }

  private static String pendingLine(JsonNode p) {
    return p.path("address").asText()
        + ": "
        + p.path("kind").asText().replace('_', ' ')
        + " of "
        + p.path("operation").asText();
  }

  /** {@code update}, {@code replace}, or {@code nothing} for a no-op or an absent resource. */
  private static String action(JsonNode change) {
    if (change == null) {
      return "nothing";
    }
    var actions = new ArrayList<String>();
    change.path("change").path("actions").forEach(a -> actions.add(a.asText()));
    if (actions.equals(List.of("delete", "create"))) {
      return "replace";
    }
    return actions.isEmpty() || actions.equals(List.of("no-op")) ? "nothing" : actions.get(0);
  }

  private static String field(JsonNode f) {
    if (f == null) {
      return "no change";
    }
    if (f.path("sensitive").asBoolean()) {
      return "(sensitive)";
    }
    // A field a create adds has no before: its value alone, as the text plan's "+ path = 20".
    var before = f.has("before") ? f.get("before").toString() + " -> " : "";
    return before + (f.has("after") ? f.get("after").toString() : "null");
  }

  private static Map<String, JsonNode> byAddress(JsonNode items) {
    var map = new TreeMap<String, JsonNode>();
    items.forEach(i -> map.put(i.path("address").asText(), i));
    return map;
  }

  private static Map<String, JsonNode> fields(JsonNode items) {
    var map = new TreeMap<String, JsonNode>();
    items.forEach(i -> map.put(i.path("path").asText(), i));
    return map;
  }

  private static TreeSet<String> union(Map<String, ?> a, Map<String, ?> b) {
    var all = new TreeSet<>(a.keySet());
    all.addAll(b.keySet());
    return all;
  }
}
