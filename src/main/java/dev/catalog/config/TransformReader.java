package dev.catalog.config;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Binds {@code transforms:} of a Secret or file sink: a list of one-key items. */
final class TransformReader {
  static final List<String> KINDS = List.of("renameKey", "addKey", "removeKey", "jsonKey");

  /** A {@code ~} not followed by {@code 0} or {@code 1}: RFC 6901 section 3 has no such escape. */
  private static final Pattern BAD_ESCAPE = Pattern.compile("~(?![01])");

  private TransformReader() {}

  /**
   * The transforms of a sink; reports two that write the same key, and one that writes a key in
   * {@code reserved} (keys the sink's layout writes itself).
   */
  static List<KeyTransform> read(MapReader sink, List<String> reserved) {
    var transforms = new ArrayList<KeyTransform>();
    var writers = new HashMap<String, String>();
    var items = sink.list("transforms");
    for (int i = 0; i < items.size(); i++) {
      var suffix = "[" + i + "]";
      var item =
          MapReader.of(
              items.get(i),
              sink.pathOf("transforms") + suffix,
              sink.prefixOf("transforms") + suffix,
              sink.fields(),
              sink.context());
      var transform = item.flatMap(TransformReader::transform);
      if (transform.isEmpty()) {
        continue;
      }
      transforms.add(transform.get());
      var reader = item.get();
      var key = transform.get().writes();
      if (key.isPresent() && reserved.contains(key.get())) {
        reader
            .context()
            .diagnostics()
            .error(
                reader.location(),
                reader.path(),
                "key \"" + key.get() + "\" is written by layout: servicebinding",
                "set it with bindingType or provider, or write another key");
      } else if (key.isPresent()) {
        var first = writers.putIfAbsent(key.get(), reader.path() + " (" + reader.location() + ")");
        if (first != null) {
          reader
              .context()
              .diagnostics()
              .error(
                  reader.location(),
                  reader.path(),
                  "key \"" + key.get() + "\" is already written by " + first,
                  "let one transform write each key");
        }
      }
    }
    return transforms;
  }

  private static Optional<KeyTransform> transform(MapReader t) {
    t.allowOnly(KINDS);
    var given = t.keys().stream().filter(KINDS::contains).toList();
    if (given.isEmpty() && !t.keys().isEmpty()) {
      return Optional.empty(); // only unknown keys, each reported with its nearest valid one
    }
    if (given.size() != 1) {
      t.context()
          .diagnostics()
          .error(
              t.location(),
              t.path(),
              given.isEmpty()
                  ? "expected a transform"
                  : "give one transform per item, not " + String.join(" and ", given),
              "write one of renameKey: {from: A, to: B}, addKey: {key: K, value: V},"
                  + " addKey: {key: K, fromPointer: /a/0/b}, removeKey: K, jsonKey: K");
      return Optional.empty();
    }
    return switch (given.get(0)) {
      case "renameKey" ->
          t.required("renameKey")
              .flatMap(n -> t.object("renameKey"))
              .flatMap(
                  r -> {
                    r.allowOnly(List.of("from", "to"));
                    var from = r.requiredString("from");
                    var to = r.requiredString("to");
                    return from.isPresent() && to.isPresent()
                        ? Optional.of(new KeyTransform.RenameKey(from.get(), to.get()))
                        : Optional.empty();
                  });
      case "addKey" ->
          t.required("addKey").flatMap(n -> t.object("addKey")).flatMap(TransformReader::addKey);
      case "removeKey" -> t.requiredString("removeKey").map(KeyTransform.RemoveKey::new);
      default -> t.requiredString("jsonKey").map(KeyTransform.JsonKey::new);
    };
  }

  private static Optional<KeyTransform> addKey(MapReader a) {
    a.allowOnly(List.of("key", "value", "fromPointer"));
    var key = a.requiredString("key");
    if (a.has("value") == a.has("fromPointer")) {
      a.context()
          .diagnostics()
          .error(
              a.location(),
              a.path(),
              a.has("value")
                  ? "give value or fromPointer, not both"
                  : "missing value or fromPointer",
              "write addKey: {key: K, value: V} or addKey: {key: K, fromPointer: /a/0/b}");
      return Optional.empty();
    }
    if (a.has("value")) {
      var value = a.string("value");
      return key.isPresent() && value.isPresent()
          ? Optional.of(new KeyTransform.AddKey(key.get(), value.get()))
          : Optional.empty();
    }
    var pointer = a.string("fromPointer").filter(p -> checkPointer(a, p));
    return key.isPresent() && pointer.isPresent()
        ? Optional.of(new KeyTransform.AddKeyFromPointer(key.get(), pointer.get()))
        : Optional.empty();
  }

  /**
   * An RFC 6901 JSON Pointer to a value inside the credentials, parsed by Jackson's {@link
   * JsonPointer}. Jackson keeps a {@code ~} that starts no escape as it is; RFC 6901 section 3
   * allows only {@code ~0} and {@code ~1}, so those are refused here. The empty pointer (the whole
   * object) is what {@code jsonKey} is for.
   */
  private static boolean checkPointer(MapReader a, String pointer) {
    String problem = null;
    if (pointer.isEmpty()) {
      problem = "the empty pointer selects the whole credentials object";
    } else {
      try {
        JsonPointer.compile(pointer);
        if (BAD_ESCAPE.matcher(pointer).find()) {
          problem = "\"~\" must be followed by 0 (for ~) or 1 (for /)";
        }
      } catch (IllegalArgumentException e) {
        problem = "it must start with \"/\"";
      }
    }
    if (problem == null) {
      return true;
    }
    a.error(
        "fromPointer",
        "\"" + pointer + "\" is not an RFC 6901 JSON Pointer: " + problem,
        pointer.isEmpty()
            ? "use jsonKey: K for the whole object"
            : "write it like /hosts/0/name (~1 for a / in a key, ~0 for a ~)");
    return false;
  }
}
