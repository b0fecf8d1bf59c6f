package dev.catalog.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Binds {@code transforms:} of a Secret sink: a list of one-key items. */
final class TransformReader {
  static final List<String> KINDS = List.of("renameKey", "addKey", "removeKey", "jsonKey");

  private TransformReader() {}

  static List<KeyTransform> read(MapReader secret) {
    var transforms = new ArrayList<KeyTransform>();
    var items = secret.list("transforms");
    for (int i = 0; i < items.size(); i++) {
      var suffix = "[" + i + "]";
      MapReader.of(
              items.get(i),
              secret.pathOf("transforms") + suffix,
              secret.prefixOf("transforms") + suffix,
              secret.fields(),
              secret.context())
          .flatMap(TransformReader::transform)
          .ifPresent(transforms::add);
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
                  + " removeKey: K, jsonKey: K");
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
          t.required("addKey")
              .flatMap(n -> t.object("addKey"))
              .flatMap(
                  a -> {
                    a.allowOnly(List.of("key", "value"));
                    var key = a.requiredString("key");
                    var value = a.required("value").flatMap(v -> a.string("value"));
                    return key.isPresent() && value.isPresent()
                        ? Optional.of(new KeyTransform.AddKey(key.get(), value.get()))
                        : Optional.empty();
                  });
      case "removeKey" -> t.requiredString("removeKey").map(KeyTransform.RemoveKey::new);
      default -> t.requiredString("jsonKey").map(KeyTransform.JsonKey::new);
    };
  }
}
