package dev.catalog.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.catalog.config.YamlNode.Entry;
import dev.catalog.config.YamlNode.YamlList;
import dev.catalog.config.YamlNode.YamlMap;
import dev.catalog.config.YamlNode.YamlScalar;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML file into a {@link YamlNode} tree that keeps every value's line and column,
 * expanding {@code ${ENV}} in strings and reporting syntax errors, duplicate keys and aliases.
 */
final class YamlTreeReader {
  /**
   * SnakeYAML refuses documents over 3 MiB by default; 10,000 instances with parameters take about
   * 4 MiB (issue 7), so the limit is raised to 256 Mi code points, above 100,000 instances.
   */
  static final int CODE_POINT_LIMIT = 256 * 1024 * 1024;

  private static final YAMLFactory YAML = yamlFactory();
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final EnvExpander env;
  private final Diagnostics diagnostics;
  private final RootItems rootItems;

  /**
   * One String per distinct key: every instance repeats the same dozen keys, and 100,000
   * instances held millions of copies (issue 7).
   */
  private final Map<String, String> keys = new HashMap<>();

  /**
   * Where a value is, as a chain to its parent; the dotted text is built only for a diagnostic. A
   * path string per value was a third of the tree of a 100,000-instance catalog (issue 7).
   */
  private record TreePath(TreePath parent, String key, int index) {
    static final TreePath ROOT = new TreePath(null, null, -1);

    TreePath key(String name) {
      return new TreePath(this, name, -1);
    }

    TreePath item(int i) {
      return new TreePath(this, null, i);
    }

    @Override
    public String toString() {
      if (parent == null) {
        return "";
      }
      var above = parent.toString();
      if (key == null) {
        return above + "[" + index + "]";
      }
      return above.isEmpty() ? key : above + "." + key;
    }
  }

  private static YAMLFactory yamlFactory() {
    var options = new LoaderOptions();
    options.setCodePointLimit(CODE_POINT_LIMIT);
    // The builder starts with no parser features, unlike new YAMLFactory(): restore the default.
    return YAMLFactory.builder()
        .loaderOptions(options)
        .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
        .build();
  }

  /**
   * Takes each item of some root-level lists as soon as it is read, so that the tree of a large
   * file is never held whole: the items of 100,000 instances and their locations were about 600 MB
   * while the model was built from them (issue 7).
   */
  interface RootItems {
    /** Nothing is streamed: the whole tree is returned. */
    RootItems NONE =
        new RootItems() {
          @Override
          public boolean streams(String key) {
            return false;
          }

          @Override
          public void item(String key, int index, YamlNode item) {}
        };

    /** Whether the items of the root list under {@code key} go to {@link #item}. */
    boolean streams(String key);

    /** One item of a streamed list; the list left in the tree is then empty. */
    void item(String key, int index, YamlNode item);
  }

  YamlTreeReader(EnvExpander env, Diagnostics diagnostics) {
    this(env, diagnostics, RootItems.NONE);
  }

  YamlTreeReader(EnvExpander env, Diagnostics diagnostics, RootItems rootItems) {
    this.env = env;
    this.diagnostics = diagnostics;
    this.rootItems = rootItems;
  }

  /** The document's root, or empty when the file is empty or not valid YAML (reported). */
  Optional<YamlNode> read(String file, String content) {
    try (var parser = (YAMLParser) YAML.createParser(content)) {
      var first = parser.nextToken();
      if (first == null) {
        diagnostics.error(
            new Location(file, 1, 1),
            "",
            "the file is empty",
            "start it with \"apiVersion: " + CatalogConfig.API_VERSION + "\"");
        return Optional.empty();
      }
      var root = value(parser, file, TreePath.ROOT);
      if (parser.nextToken() != null) {
        diagnostics.error(
            location(parser, file),
            "",
            "a second YAML document (after ---) is not supported",
            "put each document in its own file and pass the directory with -f");
      }
      return Optional.of(root);
    } catch (JsonProcessingException e) {
      syntaxError(file, e);
      return Optional.empty();
    } catch (IOException e) {
      // Reading from a String only fails on malformed input, which the branch above reports.
      diagnostics.error(new Location(file, 1, 1), "", "cannot parse: " + e.getClass().getName());
      return Optional.empty();
    }
  }

  private YamlNode value(YAMLParser parser, String file, TreePath path) throws IOException {
    var location = location(parser, file);
    var token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      return map(parser, file, path, location);
    } else if (token == JsonToken.START_ARRAY) {
      var items = new ArrayList<YamlNode>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        items.add(value(parser, file, path.item(items.size())));
      }
      return new YamlList(items, location);
    }
    return scalar(parser, file, path, location);
  }

  private YamlMap map(YAMLParser parser, String file, TreePath path, Location location)
      throws IOException {
    var entries = new LinkedHashMap<String, Entry>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      var key = keys.computeIfAbsent(parser.currentName(), k -> k);
      var keyLocation = location(parser, file);
      var keyPath = path.key(key);
      parser.nextToken();
      var streamed =
          path == TreePath.ROOT
              && parser.currentToken() == JsonToken.START_ARRAY
              && !entries.containsKey(key)
              && rootItems.streams(key);
      var child =
          streamed ? streamedList(parser, file, keyPath, key) : value(parser, file, keyPath);
      var previous = entries.get(key);
      if (previous != null) {
        diagnostics.error(
            keyLocation,
            keyPath.toString(),
            "duplicate key",
            "it is already written at " + previous.keyLocation() + "; keep one");
      } else {
        entries.put(key, new Entry(key, keyLocation, child));
      }
    }
    return new YamlMap(entries, location);
  }

  private YamlList streamedList(YAMLParser parser, String file, TreePath path, String key)
      throws IOException {
    var location = location(parser, file);
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      rootItems.item(key, index, value(parser, file, path.item(index)));
      index++;
    }
    return new YamlList(List.of(), location);
  }

  private YamlScalar scalar(YAMLParser parser, String file, TreePath path, Location location)
      throws IOException {
    if (parser.isCurrentAlias()) {
      diagnostics.error(
          location,
          path.toString(),
          "YAML aliases (*" + parser.getText() + ") are not supported",
          "write the value out");
      return new YamlScalar(JSON.nullNode(), "", location, true);
    }
    var text = parser.getText();
    if (parser.currentToken() == JsonToken.VALUE_STRING) {
      var expanded =
          text.contains("${")
              ? env.expand(text, location, path.toString(), diagnostics)
              : Optional.of(text);
      return expanded.isPresent()
          ? new YamlScalar(JSON.textNode(expanded.get()), expanded.get(), location)
          : new YamlScalar(JSON.textNode(text), text, location, true);
    }
    JsonNode value =
        switch (parser.currentToken()) {
          case VALUE_NUMBER_INT -> integer(parser);
          case VALUE_NUMBER_FLOAT -> JSON.numberNode(parser.getDoubleValue());
          case VALUE_TRUE -> JSON.booleanNode(true);
          case VALUE_FALSE -> JSON.booleanNode(false);
          case VALUE_NULL -> JSON.nullNode();
          default -> {
            diagnostics.error(
                location, path.toString(), "unsupported YAML value (a tagged or binary scalar)");
            yield JSON.nullNode();
          }
        };
    return new YamlScalar(value, text, location);
  }

  /** The smallest integer node, as Jackson's JSON reader makes, so parameters compare equal. */
  private static JsonNode integer(JsonParser parser) throws IOException {
    return switch (parser.getNumberType()) {
      case INT -> JSON.numberNode(parser.getIntValue());
      case LONG -> JSON.numberNode(parser.getLongValue());
      default -> JSON.numberNode(parser.getBigIntegerValue());
    };
  }

  private static Location location(JsonParser parser, String file) {
    var at = parser.currentTokenLocation();
    return new Location(file, at.getLineNr(), at.getColumnNr());
  }

  /** Reports SnakeYAML's own problem text at its problem mark, which is more precise. */
  private void syntaxError(String file, JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      var message = "YAML syntax error: " + marked.getProblem();
      Mark context = marked.getContextMark();
      if (marked.getContext() != null && context != null) {
        message += " (" + marked.getContext() + " started at line " + (context.getLine() + 1) + ")";
      }
      var mark = marked.getProblemMark();
      diagnostics.error(new Location(file, mark.getLine() + 1, mark.getColumn() + 1), "", message);
    } else {
      var at = e.getLocation();
      int line = at == null ? 1 : Math.max(1, at.getLineNr());
      int column = at == null ? 1 : Math.max(1, at.getColumnNr());
      diagnostics.error(
          new Location(file, line, column), "", "YAML syntax error: " + e.getOriginalMessage());
    }
  }
}
