package dev.catalog.plan;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Field-by-field comparison of JSON objects, by top-level key, as a plan shows it. */
final class FieldDiff {
  private FieldDiff() {}

  /** An object for a missing or null value, so "no parameters" equals "{}". */
  static ObjectNode object(JsonNode node) {
    return node instanceof ObjectNode o ? o.deepCopy() : JsonNodeFactory.instance.objectNode();
  }

  /**
   * {@code node} without the values at {@code pointers} (RFC 6901, {@code
   * lifecycle.ignoreParameters}): a nested key or array element is removed where it is, so the
   * rest of its object is still compared.
   */
  static ObjectNode without(JsonNode node, Collection<String> pointers) {
    var copy = object(node);
    for (var text : pointers) {
      var pointer = JsonPointer.compile(text);
      var parent = copy.at(pointer.head());
      var last = pointer.last();
      if (parent instanceof ObjectNode o) {
        o.remove(last.getMatchingProperty());
      } else if (parent instanceof ArrayNode a && last.mayMatchElement()) {
        var index = last.getMatchingIndex();
        if (index < a.size()) {
          a.remove(index);
        }
      }
    }
    return copy;
  }

  /**
   * The changed keys of two objects as {@code prefix.key} fields; with {@code all}, unchanged keys
   * too (for a create or delete, which shows every field).
   */
  static List<FieldChange> objects(String prefix, JsonNode before, JsonNode after, boolean all) {
    var b = object(before);
    var a = object(after);
    var keys = new TreeSet<String>();
    b.fieldNames().forEachRemaining(keys::add);
    a.fieldNames().forEachRemaining(keys::add);
    var out = new ArrayList<FieldChange>();
    for (var key : keys) {
      var was = Optional.ofNullable(b.get(key));
      var now = Optional.ofNullable(a.get(key));
      if (all || !was.equals(now)) {
        out.add(FieldChange.of(prefix + "." + key, was, now));
      }
    }
    return out;
  }

  /** A change of a plain text field, or nothing when equal (unless {@code all}). */
  static List<FieldChange> text(
      String path, Optional<String> before, Optional<String> after, boolean all) {
    if (!all && before.equals(after)) {
      return List.of();
    }
    return List.of(
        FieldChange.of(path, before.map(TextNode::valueOf), after.map(TextNode::valueOf)));
  }

  /** The user-facing path of a top-level JSON Pointer: {@code /password} -> {@code password}. */
  static String key(String pointer) {
    return pointer.substring(1).replace("/", ".").replace("~1", "/").replace("~0", "~");
  }
}
