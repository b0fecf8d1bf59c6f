package dev.catalog.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.CatalogException;
import dev.catalog.state.Address;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code .env} format: one {@code KEY=value} line per top-level credential, nested values as
 * compact JSON. Values are quoted so that a POSIX shell ({@code . file}), Docker Compose and the
 * dotenv libraries all read back the same string:
 *
 * <ul>
 *   <li>bare when made only of {@code [A-Za-z0-9_./:@%+,-]};
 *   <li>else in single quotes (taken literally everywhere) when there is no {@code '} or control
 *       character;
 *   <li>else in double quotes with {@code \\ \" \$ \` \n \r \t} escaped.
 * </ul>
 */
public final class EnvFormat {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_./:@%+,-]+");

  private EnvFormat() {}

  /** The {@code KEY=value} lines of {@code credentials}; a key that is no variable name fails. */
  public static String write(Address binding, ObjectNode credentials) {
    var out = new StringBuilder();
    for (Iterator<Map.Entry<String, JsonNode>> it = credentials.fields(); it.hasNext(); ) {
      var entry = it.next();
      if (!NAME.matcher(entry.getKey()).matches()) {
        throw new CatalogException(
            binding
                + ": credential \""
                + entry.getKey()
                + "\" is not a valid environment variable name, so it cannot be written in env"
                + " format; rename it with a transform under credentials.file.transforms, or use"
                + " format: json");
      }
      out.append(entry.getKey()).append('=').append(quote(text(entry.getValue()))).append('\n');
    }
    return out.toString();
  }

  static String quote(String value) {
    if (BARE.matcher(value).matches()) {
      return value;
    }
    if (value.indexOf('\'') < 0 && value.chars().noneMatch(Character::isISOControl)) {
      return "'" + value + "'";
    }
    var quoted = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '\\', '"', '$', '`' -> quoted.append('\\').append(c);
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }

  /** Reads back what {@link #write} wrote; every value comes back as a string. */
  static ObjectNode read(String content) {
    ObjectNode result = JSON.createObjectNode();
    for (String line : content.split("\n")) {
      int eq = line.indexOf('=');
      if (line.isBlank() || line.startsWith("#") || eq < 0) {
        continue;
      }
      result.put(line.substring(0, eq), unquote(line.substring(eq + 1)));
    }
    return result;
  }

  private static String unquote(String raw) {
    if (raw.length() >= 2 && raw.startsWith("'") && raw.endsWith("'")) {
      return raw.substring(1, raw.length() - 1);
    }
    if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
      var out = new StringBuilder();
      for (int i = 1; i < raw.length() - 1; i++) {
        char c = raw.charAt(i);
        if (c == '\\' && i + 1 < raw.length() - 1) {
          char next = raw.charAt(++i);
          out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next == 't' ? '\t' : next);
        } else {
          out.append(c);
        }
      }
      return out.toString();
    }
    return raw;
  }

  private static String text(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree did not serialise", e);
    }
  }
}
