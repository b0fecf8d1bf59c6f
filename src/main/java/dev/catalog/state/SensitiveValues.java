package dev.catalog.state;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** Removes sensitive values from parameters and fingerprints what was removed. */
final class SensitiveValues {
  private SensitiveValues() {}

  static RecordedParameters redact(JsonNode sent, List<String> pointers, byte[] key) {
    if (pointers.isEmpty()) {
      // Nothing to remove: the record freezes (or, already frozen, shares) the parameters instead
      // of a copy being made, redacted and frozen for every resource of every plan (issue 7).
      return new RecordedParameters(sent, List.of(), Optional.empty());
    }
    var copy = sent.deepCopy();
    var removed = JsonNodeFactory.instance.objectNode();
    var sorted = pointers.stream().distinct().sorted().toList();
    for (var pointer : sorted) {
      var ptr = JsonPointer.compile(pointer);
      var value = copy.at(ptr);
      if (value.isMissingNode()) {
        continue;
      }
      removed.set(pointer, value.deepCopy());
      remove(copy, ptr);
    }
    var fingerprint =
        removed.isEmpty() ? Optional.<String>empty() : Optional.of(Fingerprint.of(key, removed));
    return new RecordedParameters(copy, sorted, fingerprint);
  }

  private static void remove(JsonNode root, JsonPointer ptr) {
    var parent = root.at(ptr.head());
    var last = ptr.last();
    if (parent instanceof ObjectNode object) {
      object.remove(last.getMatchingProperty());
    } else if (parent instanceof ArrayNode array && last.mayMatchElement()) {
      // Keep array positions stable: later pointers into the same array still match.
      array.set(last.getMatchingIndex(), JsonNodeFactory.instance.nullNode());
    }
  }
}
