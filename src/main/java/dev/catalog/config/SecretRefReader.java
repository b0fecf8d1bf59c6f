package dev.catalog.config;

import dev.catalog.config.YamlNode.YamlScalar;
import java.util.List;
import java.util.Optional;

/**
 * Binds {@code {fromEnv: NAME}}, {@code {fromFile: PATH}} and {@code {fromSecret: {namespace, name,
 * key}}}. Inline values are refused where the field is secret, and the refusal never quotes the
 * value.
 */
final class SecretRefReader {
  static final List<String> KINDS = List.of("fromEnv", "fromFile", "fromSecret");
  static final String HOW_TO =
      "use {fromEnv: NAME}, {fromFile: PATH} or {fromSecret: {namespace: NS, name: NAME,"
          + " key: KEY}}";

  private SecretRefReader() {}

  /** A secret reference under {@code key} of {@code parent}; reports a missing one if required. */
  static Optional<SecretRef> read(MapReader parent, String key, boolean required, boolean inline) {
    var node = required ? parent.required(key) : parent.node(key);
    return node.flatMap(n -> read(n, parent.pathOf(key), parent.prefixOf(key), parent, inline));
  }

  /**
   * A secret reference at {@code node}.
   *
   * @param owner the enclosing reader, for the source map and the file context
   * @param inline whether an inline scalar is allowed (a username) or an error (a password)
   */
  static Optional<SecretRef> read(
      YamlNode node, String path, String prefix, MapReader owner, boolean inline) {
    var context = owner.context();
    if (node instanceof YamlScalar s && !s.isNull()) {
      if (inline) {
        return Optional.of(new SecretRef.Literal(s.text(), path, s.location()));
      }
      context
          .diagnostics()
          .error(node.location(), path, "secret values must not be written inline", HOW_TO);
      return Optional.empty();
    }
    var reader = MapReader.of(node, path, prefix, owner.fields(), context);
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    var ref = reader.get().allowOnly(KINDS);
    var given = ref.keys().stream().filter(KINDS::contains).toList();
    if (given.isEmpty() && !ref.keys().isEmpty()) {
      return Optional.empty(); // only unknown keys, each reported with its nearest valid one
    }
    if (given.size() != 1) {
      var problem =
          given.isEmpty()
              ? "expected a secret reference"
              : "give only one of " + String.join(", ", given);
      context.diagnostics().error(node.location(), path, problem, HOW_TO);
      return Optional.empty();
    }
    return switch (given.get(0)) {
      case "fromEnv" -> fromEnv(ref, path);
      case "fromFile" ->
          ref.requiredString("fromFile")
              .map(f -> new SecretRef.FromFile(context.resolve(f), f, path, ref.location()));
      default -> fromSecret(ref, path);
    };
  }

  private static Optional<SecretRef> fromEnv(MapReader ref, String path) {
    return ref.requiredString("fromEnv")
        .filter(
            name -> {
              if (ValueChecks.ENV_NAME.matcher(name).matches()) {
                return true;
              }
              ref.error(
                  "fromEnv",
                  "invalid environment variable name \"" + name + "\"",
                  "use letters, digits and _, not starting with a digit");
              return false;
            })
        .map(name -> new SecretRef.FromEnv(name, path, ref.location()));
  }

  private static Optional<SecretRef> fromSecret(MapReader ref, String path) {
    var secret = ref.object("fromSecret");
    if (secret.isEmpty()) {
      if (!ref.has("fromSecret")) {
        ref.error("fromSecret", "missing value", "write {namespace: NS, name: NAME, key: KEY}");
      }
      return Optional.empty();
    }
    var s = secret.get().allowOnly(List.of("namespace", "name", "key"));
    var namespace = s.requiredString("namespace");
    var name = s.requiredString("name");
    var key = s.requiredString("key");
    boolean valid =
        namespace.map(n -> ValueChecks.checkNamespace(s, "namespace", n)).orElse(false)
            & name.map(n -> ValueChecks.checkObjectName(s, "name", n)).orElse(false)
            & key.isPresent();
    if (!valid) {
      return Optional.empty();
    }
    return Optional.of(
        new SecretRef.FromSecret(namespace.get(), name.get(), key.get(), path, ref.location()));
  }
}
