package dev.catalog.render;

import dev.catalog.state.BindingState;
import dev.catalog.state.InstanceState;
import dev.catalog.state.LastOperation;
import dev.catalog.state.ResourceState;
import dev.catalog.state.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code catalog status} (issue 15 item 6): every recorded resource in one table, as {@code cf
 * services} lists a space's services: address, service and plan, broker, the last operation and
 * its state, how long ago it started, the dashboard URL (instances) or the bound instance
 * (bindings). Read from state only; nothing here can hold a credential.
 */
public final class StatusTable {
  private static final List<String> HEADINGS =
      List.of("address", "service/plan", "broker", "last operation", "age", "dashboard / bound to");

  private StatusTable() {}

  /** The table, column-aligned, one line per resource, instances first. */
  public static String render(State state, Instant now) {
    var rows = new ArrayList<List<String>>();
    rows.add(HEADINGS);
    for (var resource : state.resources().values()) {
      rows.add(row(resource, now));
    }
    var widths = new int[HEADINGS.size()];
    for (var row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    var out = new StringBuilder();
    for (var row : rows) {
      var line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        var cell = row.get(i);
        line.append(cell);
        if (i < row.size() - 1) {
          line.append(" ".repeat(widths[i] - cell.length() + 3));
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  private static List<String> row(ResourceState resource, Instant now) {
    var operation = resource.lastOperation();
    String service;
    String plan;
    String last;
    if (resource instanceof InstanceState i) {
      service = i.service().name();
      plan = i.plan().name();
      last = i.dashboardUrl().orElse("");
    } else {
      var b = (BindingState) resource;
      service = b.service().name();
      plan = b.plan().name();
      last = b.instance().toString();
    }
    return List.of(
        resource.address().toString() + (resource.preventDestroy() ? " (protected)" : ""),
        service + "/" + plan,
        resource.broker(),
        operation.map(StatusTable::operation).orElse("none recorded"),
        operation.map(op -> age(Duration.between(op.started(), now))).orElse(""),
        last);
  }

  /** {@code create succeeded}, {@code update in progress}, as cf services words them. */
  private static String operation(LastOperation op) {
    var word =
        switch (op.type()) {
          case PROVISION, BIND -> "create";
          case UPDATE -> "update";
          case DEPROVISION, UNBIND -> "delete";
        };
    var text = word + " " + op.state().wireName();
    return op.state().wireName().equals("failed")
        ? text + op.description().map(d -> ": " + d).orElse("")
        : text;
  }

  /** The largest unit or two: {@code 45s}, {@code 12m}, {@code 3h5m}, {@code 2d4h}. */
  static String age(Duration age) {
    long s = Math.max(0, age.getSeconds());
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return s / 60 + "m";
    }
    if (s < 86400) {
      return s / 3600 + "h" + (s % 3600 / 60 > 0 ? s % 3600 / 60 + "m" : "");
    }
    return s / 86400 + "d" + (s % 86400 / 3600 > 0 ? s % 86400 / 3600 + "h" : "");
  }
}
