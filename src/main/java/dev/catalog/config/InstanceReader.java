package dev.catalog.config;

import dev.catalog.config.FileContents.Kind;
import dev.catalog.config.YamlNode.YamlScalar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/** Binds one item of {@code instances:}. */
final class InstanceReader {
  static final List<String> KEYS =
      List.of(
          "name",
          "broker",
          "service",
          "plan",
          "parameters",
          "parametersFrom",
          "context",
          "maintenance",
          "lifecycle");

  private InstanceReader() {}

  static void read(YamlNode item, int index, FileContents out, ReadContext context) {
    var fields = new HashMap<String, Location>();
    var found = MapReader.of(item, "instances[" + index + "]", "", fields, context);
    if (found.isEmpty()) {
      return;
    }
    var r = found.get().allowOnly(KEYS);
    var written = r.requiredString("name");
    // Declared even when invalid, so references to it are not reported a second time.
    written.ifPresent(n -> out.declare(Kind.INSTANCE, n, r.locationOf("name"), r.pathOf("name")));
    var name = written.filter(n -> ValueChecks.checkName(r, "name", n));
    var broker = r.requiredString("broker");
    broker.ifPresent(b -> out.refer(Kind.BROKER, b, r.locationOf("broker"), r.pathOf("broker")));
    var service = r.requiredString("service");
    var plan = r.requiredString("plan");
    var parameters = ConfigObjectReader.read(r, "parameters", r.location());
    var parametersFrom = parametersFrom(r);
    var ctx = ConfigObjectReader.read(r, "context", r.location());
    var maintenance = r.string("maintenance").flatMap(m -> maintenance(r, m));
    var lifecycle = r.object("lifecycle").map(InstanceReader::lifecycle);
    if (name.isPresent() && broker.isPresent() && service.isPresent() && plan.isPresent()) {
      out.instances.add(
          new Instance(
              name.get(),
              broker.get(),
              service.get(),
              plan.get(),
              parameters,
              parametersFrom,
              ctx,
              maintenance.orElse(Maintenance.PINNED),
              lifecycle.orElse(Lifecycle.defaults()),
              new Source(r.path(), r.location(), r.context().locations(fields))));
    }
  }

  /** {@code parametersFrom:}, shared with bindings: a list of secret references. */
  static List<SecretRef> parametersFrom(MapReader r) {
    var refs = new ArrayList<SecretRef>();
    var items = r.list("parametersFrom");
    for (int i = 0; i < items.size(); i++) {
      var suffix = "[" + i + "]";
      SecretRefReader.read(
              items.get(i),
              r.pathOf("parametersFrom") + suffix,
              r.prefixOf("parametersFrom") + suffix,
              r,
              false)
          .ifPresent(refs::add);
    }
    return refs;
  }

  private static Optional<Maintenance> maintenance(MapReader r, String text) {
    for (var m : Maintenance.values()) {
      if (m.yamlName().equals(text)) {
        return Optional.of(m);
      }
    }
    var names = List.of("auto", "pinned");
    r.error("maintenance", "invalid value \"" + text + "\"", Suggestions.hint(text, names));
    return Optional.empty();
  }

  private static Lifecycle lifecycle(MapReader lifecycle) {
    lifecycle.allowOnly(List.of("preventDestroy", "ignoreParameters"));
    boolean preventDestroy = lifecycle.bool("preventDestroy").orElse(false);
    var ignored = new ArrayList<String>();
    var items = lifecycle.list("ignoreParameters");
    for (int i = 0; i < items.size(); i++) {
      var path = lifecycle.pathOf("ignoreParameters") + "[" + i + "]";
      if (items.get(i) instanceof YamlScalar s && !s.isNull() && !s.text().isBlank()) {
        IgnoredParameter.pointer(s.text())
            .ifPresentOrElse(
                ignored::add,
                () ->
                    lifecycle
                        .context()
                        .diagnostics()
                        .error(
                            s.location(),
                            path,
                            "invalid JSON Pointer \"" + s.text() + "\"",
                            IgnoredParameter.HINT));
      } else {
        lifecycle
            .context()
            .diagnostics()
            .error(
                items.get(i).location(),
                path,
                "expected a parameter name or a JSON Pointer, got " + items.get(i).kind());
      }
    }
    return new Lifecycle(preventDestroy, ignored);
  }
}
