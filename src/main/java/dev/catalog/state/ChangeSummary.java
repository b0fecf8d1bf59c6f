package dev.catalog.state;

import java.util.ArrayList;
import java.util.TreeSet;

/**
 * Names what a write changes, e.g. {@code create instance.orders-db, delete binding.app}: the
 * Git backend's commit message, so the history reads as an audit log (PRODUCT.md section 3).
 */
final class ChangeSummary {
  private static final int MAX_NAMED = 5;

  private ChangeSummary() {}

  static String between(State before, State after) {
    var parts = new ArrayList<String>();
    var addresses = new TreeSet<>(before.resources().keySet());
    addresses.addAll(after.resources().keySet());
    for (var address : addresses) {
      var old = before.resources().get(address);
      var now = after.resources().get(address);
      if (old == null) {
        parts.add("create " + address);
      } else if (now == null) {
        parts.add("delete " + address);
      } else if (!old.equals(now)) {
        parts.add("update " + address);
      }
    }
    if (!before.brokers().equals(after.brokers())) {
      parts.add("update brokers");
    }
    if (parts.isEmpty()) {
      return "write state";
    }
    if (parts.size() <= MAX_NAMED) {
      return String.join(", ", parts);
    }
    return String.join(", ", parts.subList(0, MAX_NAMED))
        + " and "
        + (parts.size() - MAX_NAMED)
        + " more";
  }
}
