package dev.catalog.config;

import java.util.HashMap;
import java.util.List;

/** Binds the root mapping of one file: {@code apiVersion}, {@code backend} and the three lists. */
final class DocumentReader {
  static final List<String> KEYS =
      List.of("apiVersion", "backend", "brokers", "instances", "bindings", "policies");

  private DocumentReader() {}

  /**
   * Binds the items of {@code instances:} and {@code bindings:} as the reader reads them (see
   * {@link YamlTreeReader.RootItems}); {@link #read} then finds those lists empty.
   */
  static YamlTreeReader.RootItems streamingInto(FileContents out, ReadContext context) {
    return new YamlTreeReader.RootItems() {
      @Override
      public boolean streams(String key) {
        return key.equals("instances") || key.equals("bindings");
      }

      @Override
      public void item(String key, int index, YamlNode item) {
        if (key.equals("instances")) {
          InstanceReader.read(item, index, out, context);
        } else {
          BindingReader.read(item, index, out, context);
        }
      }
    };
  }

  static void read(YamlNode root, FileContents out, ReadContext context) {
    if (!(root instanceof YamlNode.YamlMap)) {
      context
          .diagnostics()
          .error(
              root.location(),
              "",
              "expected an object with apiVersion, brokers, instances and bindings, got "
                  + root.kind(),
              "start the file with \"apiVersion: " + CatalogConfig.API_VERSION + "\"");
      return;
    }
    var r = MapReader.of(root, "", "", new HashMap<>(), context).orElseThrow().allowOnly(KEYS);
    if (!r.has("apiVersion")) {
      r.error(
          "apiVersion",
          "missing required key",
          "start the file with \"apiVersion: " + CatalogConfig.API_VERSION + "\"");
    }
    r.string("apiVersion")
        .filter(v -> !v.equals(CatalogConfig.API_VERSION))
        .ifPresent(
            v ->
                r.error(
                    "apiVersion",
                    "unsupported apiVersion \"" + v + "\"",
                    "write \"" + CatalogConfig.API_VERSION + "\""));
    out.hasBackend = r.has("backend");
    out.backend = BackendReader.read(r);
    if (out.hasBackend) {
      out.backendLocation = r.locationOf("backend");
    }
    var brokers = r.list("brokers");
    for (int i = 0; i < brokers.size(); i++) {
      BrokerReader.read(brokers.get(i), i, out, context);
    }
    var instances = r.list("instances");
    for (int i = 0; i < instances.size(); i++) {
      InstanceReader.read(instances.get(i), i, out, context);
    }
    var bindings = r.list("bindings");
    for (int i = 0; i < bindings.size(); i++) {
      BindingReader.read(bindings.get(i), i, out, context);
    }
    var policies = r.list("policies");
    for (int i = 0; i < policies.size(); i++) {
      PolicyReader.read(policies.get(i), i, out, context);
    }
  }
}
