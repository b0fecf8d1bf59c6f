package dev.catalog.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Plan warnings as printed: one line per cause, with the resources it applies to counted, not one
 * line per resource (issue 19: "maintenance upgrade available" once for each of 200 instances
 * buried the one warning that mattered). A warning that names one resource stays as it is.
 */
final class WarningGroups {
  private static final Pattern ADDRESSED =
      Pattern.compile("^((?:instance|binding)\\.[A-Za-z0-9._-]+): (.+)$", Pattern.DOTALL);
  private static final int NAMED = 3;

  private WarningGroups() {}

  static List<String> of(List<String> notes) {
    var byCause = new LinkedHashMap<String, List<String>>();
    for (var note : notes) {
      var m = ADDRESSED.matcher(note);
      if (m.matches()) {
        byCause.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(m.group(1));
      } else {
        byCause.computeIfAbsent(note, k -> new ArrayList<>());
      }
    }
    var lines = new ArrayList<String>();
    byCause.forEach(
        (cause, addresses) -> {
          if (addresses.isEmpty()) {
            lines.add(cause);
          } else if (addresses.size() == 1) {
            lines.add(addresses.get(0) + ": " + cause);
          } else {
            var named = String.join(", ", addresses.subList(0, Math.min(NAMED, addresses.size())));
            var more =
                addresses.size() > NAMED ? " and " + (addresses.size() - NAMED) + " more" : "";
            lines.add(addresses.size() + " resources (" + named + more + "): " + cause);
          }
        });
    return lines;
  }
}
