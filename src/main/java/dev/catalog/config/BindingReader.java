package dev.catalog.config;

import dev.catalog.config.CredentialsTarget.FileFormat;
import dev.catalog.config.CredentialsTarget.FileTarget;
import dev.catalog.config.CredentialsTarget.SecretTarget;
import dev.catalog.config.FileContents.Kind;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Binds one item of {@code bindings:}. */
final class BindingReader {
  static final List<String> KEYS =
      List.of(
          "name", "instance", "parameters", "parametersFrom", "credentials", "lifecycle", "rotation");

  private BindingReader() {}

  static void read(YamlNode item, int index, FileContents out, ReadContext context) {
    var fields = new HashMap<String, Location>();
    var found = MapReader.of(item, "bindings[" + index + "]", "", fields, context);
    if (found.isEmpty()) {
      return;
    }
    var r = found.get().allowOnly(KEYS);
    var written = r.requiredString("name");
    // Declared even when invalid, so references to it are not reported a second time.
    written.ifPresent(n -> out.declare(Kind.BINDING, n, r.locationOf("name"), r.pathOf("name")));
    var name = written.filter(n -> ValueChecks.checkName(r, "name", n));
    var instance = r.requiredString("instance");
    instance.ifPresent(
        i -> out.refer(Kind.INSTANCE, i, r.locationOf("instance"), r.pathOf("instance")));
    var parameters = ConfigObjectReader.read(r, "parameters", r.location());
    var parametersFrom = InstanceReader.parametersFrom(r);
    if (!r.has("credentials")) {
      r.error(
          "credentials",
          "missing required key",
          "write credentials: {secret: {namespace: NS, name: NAME}} or {file: {path: PATH}}");
    }
    var credentials = r.object("credentials").flatMap(BindingReader::credentials);
    var lifecycle = r.object("lifecycle").map(BindingReader::lifecycle);
    var rotation = r.object("rotation").flatMap(BindingReader::rotation);
    if (name.isPresent() && instance.isPresent() && credentials.isPresent()) {
      out.bindings.add(
          new Binding(
              name.get(),
              instance.get(),
              parameters,
              parametersFrom,
              credentials.get(),
              lifecycle.orElse(Lifecycle.defaults()),
              new Source(r.path(), r.location(), r.context().locations(fields)),
              rotation));
    }
  }

  private static Lifecycle lifecycle(MapReader lifecycle) {
    // A binding's parameters cannot be updated, so there is nothing to ignore.
    lifecycle.allowOnly(List.of("preventDestroy"));
    var preventDestroy = lifecycle.bool("preventDestroy").orElse(false);
    return preventDestroy ? new Lifecycle(true, List.of()) : Lifecycle.defaults();
  }

  /** {@code rotation: { every: 30d, overlap: 1h }}; {@code overlap} defaults to none. */
  private static Optional<Rotation> rotation(MapReader r) {
    r.allowOnly(List.of("every", "overlap"));
    var every = r.requiredString("every").flatMap(t -> ValueChecks.duration(r, "every", t));
    var overlap =
        r.has("overlap")
            ? r.requiredString("overlap").flatMap(t -> ValueChecks.duration(r, "overlap", t))
            : Optional.of(java.time.Duration.ZERO);
    if (every.isEmpty() || overlap.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Rotation(every.get(), overlap.get()));
  }

  private static Optional<CredentialsTarget> credentials(MapReader c) {
    c.allowOnly(List.of("secret", "file"));
    boolean secret = c.has("secret");
    boolean file = c.has("file");
    if (secret == file) {
      c.context()
          .diagnostics()
          .error(
              c.location(),
              c.path(),
              secret ? "give only one sink: secret or file, not both" : "expected a sink",
              "write secret: {namespace: NS, name: NAME} or file: {path: PATH}");
      return Optional.empty();
    }
    return secret
        ? c.object("secret").flatMap(BindingReader::secret)
        : c.object("file").flatMap(BindingReader::file);
  }

  private static Optional<CredentialsTarget> secret(MapReader s) {
    s.allowOnly(SecretShapeReader.SECRET_KEYS);
    var context = s.string("context").filter(c -> SecretShapeReader.checkContext(s, c));
    var namespace =
        s.requiredString("namespace").filter(n -> ValueChecks.checkNamespace(s, "namespace", n));
    var name = s.requiredString("name").filter(n -> ValueChecks.checkObjectName(s, "name", n));
    var shape = SecretShapeReader.read(s);
    var reserved = s.has("layout") ? ServiceBindingLayout.RESERVED_ENTRIES : List.<String>of();
    var transforms = TransformReader.read(s, reserved);
    if (namespace.isEmpty() || name.isEmpty() || shape.isEmpty()) {
      return Optional.empty();
    }
    var got = shape.get();
    return Optional.of(
        new SecretTarget(
            context,
            namespace.get(),
            name.get(),
            transforms,
            got.type(),
            got.labels(),
            got.annotations(),
            got.layout()));
  }

  private static Optional<CredentialsTarget> file(MapReader f) {
    f.allowOnly(List.of("path", "mode", "format", "transforms"));
    var path = f.requiredString("path");
    var mode =
        f.string("mode")
            .flatMap(m -> ValueChecks.fileMode(f, "mode", m))
            .orElse(FileTarget.DEFAULT_MODE);
    var format = f.string("format").flatMap(text -> format(f, text));
    var transforms = TransformReader.read(f, List.of());
    return path.map(
        p -> {
          var chosen = format.orElse(p.endsWith(".env") ? FileFormat.ENV : FileFormat.JSON);
          return new FileTarget(f.context().resolve(p), p, mode, chosen, transforms);
        });
  }

  private static Optional<FileFormat> format(MapReader f, String text) {
    for (var format : FileFormat.values()) {
      if (format.name().toLowerCase(Locale.ROOT).equals(text)) {
        return Optional.of(format);
      }
    }
    f.error(
        "format",
        "invalid format \"" + text + "\"",
        Suggestions.hint(text, List.of("json", "env")));
    return Optional.empty();
  }
}
