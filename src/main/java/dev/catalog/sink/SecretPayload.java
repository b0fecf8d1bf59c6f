package dev.catalog.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.catalog.CatalogException;
import dev.catalog.SensitiveJson;
import dev.catalog.config.KeyTransform;
import dev.catalog.state.Address;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The keys and values of a credentials Secret: the credentials after the transforms, in order
 * (after the Kubernetes Service Catalog's {@code secretTransforms}), one key per top-level
 * credential, strings stored as they are and any other value as compact JSON.
 */
final class SecretPayload {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SecretPayload() {}

  /** What the API server accepts as a Secret data key (IsConfigMapKey). */
  private static final Pattern KEY = Pattern.compile("[-._a-zA-Z0-9]{1,253}");

  /**
   * Transformed keys and their string values, in credential order.
   *
   * @throws CatalogException naming the binding and the first key the API server would refuse (a
   *     key, never a value), before anything is sent to the cluster
   */
  static Map<String, String> of(
      Address binding, SensitiveJson credentials, List<KeyTransform> transforms) {
    var data = of(credentials, transforms);
    for (String key : data.keySet()) {
      if (!KEY.matcher(key).matches() || key.equals(".") || key.equals("..")) {
        throw new CatalogException(
            binding
                + ": credential key \""
                + key
                + "\" cannot be a Kubernetes Secret key (only letters, digits, '-', '_' and '.',"
                + " at most 253 characters); rename or remove it with a transform under"
                + " credentials.secret.transforms (docs/configuration.md)");
      }
    }
    return data;
  }

  /** Transformed keys and their string values, in credential order. */
  static Map<String, String> of(SensitiveJson credentials, List<KeyTransform> transforms) {
    ObjectNode keys = credentials.reveal();
    for (KeyTransform transform : transforms) {
      apply(keys, transform);
    }
    var data = new LinkedHashMap<String, String>();
    for (Iterator<Map.Entry<String, JsonNode>> it = keys.fields(); it.hasNext(); ) {
      var entry = it.next();
      data.put(entry.getKey(), stored(entry.getValue()));
    }
    return data;
  }

  // A transform naming a credential the broker did not return does nothing, as in the Service
  // Catalog: brokers differ in the keys they return, and the remaining keys are still delivered.
  private static void apply(ObjectNode keys, KeyTransform transform) {
    if (transform instanceof KeyTransform.RenameKey rename) {
      JsonNode value = keys.remove(rename.from());
      if (value != null) {
        keys.set(rename.to(), value);
      }
    } else if (transform instanceof KeyTransform.AddKey add) {
      keys.set(add.key(), TextNode.valueOf(add.value()));
    } else if (transform instanceof KeyTransform.RemoveKey remove) {
      keys.remove(remove.key());
    } else if (transform instanceof KeyTransform.JsonKey json) {
      keys.set(json.key(), TextNode.valueOf(compact(keys)));
    } else {
      throw new AssertionError(transform);
    }
  }

  private static String stored(JsonNode value) {
    return value.isTextual() ? value.textValue() : compact(value);
  }

  private static String compact(JsonNode value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree did not serialise", e);
    }
  }

  /** Secret data read back: every value is a string. */
  static SensitiveJson readBack(Map<String, String> data) {
    ObjectNode node = JSON.createObjectNode();
    data.forEach(node::put);
    return SensitiveJson.of(node);
  }
}
