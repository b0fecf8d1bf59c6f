package dev.catalog.config;

import dev.catalog.config.YamlNode.YamlScalar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/** Binds one item of {@code policies:}. Whether the rule compiles is checked by the planner. */
final class PolicyReader {
  static final List<String> KEYS = List.of("name", "rule", "message", "scope");

  private PolicyReader() {}

  static void read(YamlNode item, int index, FileContents out, ReadContext context) {
    var found = MapReader.of(item, "policies[" + index + "]", "", new HashMap<>(), context);
    if (found.isEmpty()) {
      return;
    }
    var r = found.get().allowOnly(KEYS);
    var name = r.requiredString("name");
    var rule = r.requiredString("rule");
    var message = r.requiredString("message");
    var brokers = new ArrayList<String>();
    var services = new ArrayList<String>();
    r.object("scope")
        .ifPresent(
            scope -> {
              scope.allowOnly(List.of("brokers", "services"));
              strings(scope, "brokers", brokers);
              strings(scope, "services", services);
            });
    if (name.isPresent() && rule.isPresent() && message.isPresent()) {
      out.policies.add(
          new Policy(
              name.get(),
              rule.get(),
              message.get(),
              brokers,
              services,
              r.location(),
              r.locationOf("rule")));
    }
  }

  private static void strings(MapReader scope, String key, List<String> into) {
    var items = scope.list(key);
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof YamlScalar s && !s.isNull() && !s.text().isBlank()) {
        into.add(s.text());
      } else {
        scope
            .context()
            .diagnostics()
            .error(
                items.get(i).location(),
                scope.pathOf(key) + "[" + i + "]",
                "expected a name, got " + items.get(i).kind());
      }
    }
  }
}
