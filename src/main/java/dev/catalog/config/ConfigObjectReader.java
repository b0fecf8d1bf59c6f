package dev.catalog.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.config.YamlNode.YamlList;
import dev.catalog.config.YamlNode.YamlMap;
import dev.catalog.config.YamlNode.YamlScalar;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a free-form YAML mapping ({@code parameters}, {@code context}) into a located JSON object.
 */
final class ConfigObjectReader {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ConfigObjectReader() {}

  /**
   * The object under {@code key}, or an empty one located at the resource when it is absent;
   * reports a value that is not a mapping.
   */
  static ConfigObject read(MapReader parent, String key, Location resource) {
    var node = parent.node(key);
    if (node.isEmpty()) {
      return ConfigObject.empty(parent.path(), key, resource);
    }
    if (!(node.get() instanceof YamlMap map)) {
      parent
          .context()
          .diagnostics()
          .error(
              node.get().location(),
              parent.pathOf(key),
              "expected an object, got " + node.get().kind());
      return ConfigObject.empty(parent.path(), key, resource);
    }
    var locations = new HashMap<String, Location>();
    var json = (ObjectNode) toJson(map, "", locations);
    return ConfigObject.of(
        json, parent.path(), key, map.location(), parent.context().locations(locations));
  }

  private static JsonNode toJson(YamlNode node, String pointer, Map<String, Location> locations) {
    if (!pointer.isEmpty()) {
      locations.put(pointer, node.location());
    }
    if (node instanceof YamlMap map) {
      var object = JSON.objectNode();
      for (var entry : map.entries().values()) {
        var token = entry.key().replace("~", "~0").replace("/", "~1");
        object.set(entry.key(), toJson(entry.value(), pointer + "/" + token, locations));
      }
      return object;
    } else if (node instanceof YamlList list) {
      var array = JSON.arrayNode();
      for (int i = 0; i < list.items().size(); i++) {
        array.add(toJson(list.items().get(i), pointer + "/" + i, locations));
      }
      return array;
    }
    return ((YamlScalar) node).value();
  }
}
