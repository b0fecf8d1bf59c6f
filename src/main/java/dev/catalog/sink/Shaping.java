package dev.catalog.sink;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.catalog.CatalogException;
import dev.catalog.config.KeyTransform;
import dev.catalog.state.Address;
import java.util.List;

/**
 * The credentials after a sink's transforms, in order (after the Kubernetes Service Catalog's
 * {@code secretTransforms}): what a Secret or a file holds. Shared by both sinks, so the same
 * transforms give the same keys in either (issue 13).
 */
final class Shaping {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Shaping() {}

  /**
   * The transformed credentials object.
   *
   * @throws CatalogException naming the binding, the key and the pointer (never a value) when a
   *     {@code fromPointer} selects nothing in the credentials
   */
  static ObjectNode apply(Address binding, Credentials credentials, List<KeyTransform> transforms) {
    ObjectNode returned = credentials.reveal();
    ObjectNode keys = returned.deepCopy();
    for (KeyTransform transform : transforms) {
      apply(binding, returned, keys, transform);
    }
    return keys;
  }

  // A transform naming a credential the broker did not return does nothing, as in the Service
  // Catalog: brokers differ in the keys they return, and the remaining keys are still delivered.
  // A pointer is the exception: it names one value the application needs, so a miss fails.
  private static void apply(
      Address binding, ObjectNode returned, ObjectNode keys, KeyTransform transform) {
    if (transform instanceof KeyTransform.RenameKey rename) {
      JsonNode value = keys.remove(rename.from());
      if (value != null) {
        keys.set(rename.to(), value);
      }
    } else if (transform instanceof KeyTransform.AddKey add) {
      keys.set(add.key(), TextNode.valueOf(add.value()));
    } else if (transform instanceof KeyTransform.AddKeyFromPointer pointed) {
      JsonNode value = returned.at(JsonPointer.compile(pointed.pointer()));
      if (value.isMissingNode()) {
        throw new CatalogException(
            binding
                + ": addKey \""
                + pointed.key()
                + "\": fromPointer "
                + pointed.pointer()
                + " selects nothing in the credentials the broker returned (keys: "
                + String.join(", ", credentialKeys(returned))
                + "); correct the pointer under credentials.*.transforms");
      }
      keys.set(pointed.key(), value.deepCopy());
    } else if (transform instanceof KeyTransform.RemoveKey remove) {
      keys.remove(remove.key());
    } else if (transform instanceof KeyTransform.JsonKey json) {
      keys.set(json.key(), TextNode.valueOf(compact(keys)));
    } else {
      throw new AssertionError(transform);
    }
  }

  private static List<String> credentialKeys(ObjectNode credentials) {
    var names = new java.util.ArrayList<String>();
    credentials.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** A value as a Secret or a {@code .env} line holds it: strings as they are, else JSON. */
  static String text(JsonNode value) {
    return value.isTextual() ? value.textValue() : compact(value);
  }

  static String compact(JsonNode value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree did not serialise", e);
    }
  }
}
