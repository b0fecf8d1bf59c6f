package dev.catalog.config;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Expands {@code ${NAME}} in configuration strings from the environment; {@code $${} stands for
 * a literal {@code ${}. An unset variable is an error, never an empty string, so a missing CI
 * variable cannot silently produce a wrong configuration.
 */
final class EnvExpander {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Map<String, String> env;

  EnvExpander(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** The expanded text, or empty after reporting a problem at the scalar's location. */
  Optional<String> expand(String text, Location location, String field, Diagnostics diagnostics) {
    if (!text.contains("${")) {
      return Optional.of(text);
    }
    boolean failed = false;
    var out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        out.append("${");
        i += 3;
      } else if (text.startsWith("${", i)) {
        int end = text.indexOf('}', i + 2);
        var name = end < 0 ? "" : text.substring(i + 2, end);
        if (end < 0 || !NAME.matcher(name).matches()) {
          diagnostics.error(
              location,
              field,
              "malformed variable reference; expected ${NAME} with NAME made of letters, digits"
                  + " and _",
              "write $${ for a literal ${");
          return Optional.empty();
        }
        var value = env.get(name);
        if (value == null) {
          diagnostics.error(
              location,
              field,
              "environment variable \"" + name + "\" is not set",
              "set it, or write $${" + name + "} for a literal ${" + name + "}");
          failed = true;
        } else {
          out.append(value);
        }
        i = end + 1;
      } else {
        out.append(text.charAt(i++));
      }
    }
    return failed ? Optional.empty() : Optional.of(out.toString());
  }
}
