package dev.catalog.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Plan warnings as printed: one line per cause, with the resources it applies to counted, not one
 * line per resource (issue 19: "maintenance upgrade available" once for each of 200 instances
 * buried the one warning that mattered). A warning that names one resource stays as it is; one
 * about a broker keeps its {@code broker "NAME": } prefix, and causes group per broker.
 */
final class WarningGroups {
  private static final Pattern ADDRESSED =
      Pattern.compile(
          "^((?:broker \"[^\"]*\": )?)((?:instance|binding)\\.[A-Za-z0-9._-]+): (.+)$",
          Pattern.DOTALL);
  private static final int NAMED = 3;

  private WarningGroups() {}

  /** One cause: the broker prefix it came with (or empty) and the text after the address. */
  private record Cause(String broker, String text) {}

  static List<String> of(List<String> notes) {
    var byCause = new LinkedHashMap<Cause, List<String>>();
    for (var note : notes) {
      var m = ADDRESSED.matcher(note);
      if (m.matches()) {
        byCause
            .computeIfAbsent(new Cause(m.group(1), m.group(3)), k -> new ArrayList<>())
            .add(m.group(2));
      } else {
        byCause.computeIfAbsent(new Cause("", note), k -> new ArrayList<>());
      }
    }
    var lines = new ArrayList<String>();
    byCause.forEach(
        (cause, addresses) -> {
          if (addresses.isEmpty()) {
            lines.add(cause.text());
          } else if (addresses.size() == 1) {
            lines.add(cause.broker() + addresses.get(0) + ": " + cause.text());
          } else {
            var named = String.join(", ", addresses.subList(0, Math.min(NAMED, addresses.size())));
            var more =
                addresses.size() > NAMED ? " and " + (addresses.size() - NAMED) + " more" : "";
            lines.add(
                cause.broker()
                    + addresses.size()
                    + " resources ("
                    + named
                    + more
                    + "): "
                    + cause.text());
          }
        });
    return lines;
  }
}
