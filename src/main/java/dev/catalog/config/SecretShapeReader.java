package dev.catalog.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Binds the parts of a Secret sink besides its place and transforms (issue 13): {@code context},
 * {@code type}, {@code labels}, {@code annotations}, and {@code layout: servicebinding} with its
 * {@code bindingType} and {@code provider}.
 */
final class SecretShapeReader {
  static final List<String> SECRET_KEYS =
      List.of(
          "context",
          "namespace",
          "name",
          "type",
          "labels",
          "annotations",
          "layout",
          "bindingType",
          "provider",
          "transforms");

  /** A label or annotation name, or a label value: Kubernetes' IsQualifiedName name part. */
  private static final Pattern NAME_PART =
      Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  /** A Secret type: a name part with an optional DNS prefix, like {@code kubernetes.io/tls}. */
  private static final Pattern SECRET_TYPE =
      Pattern.compile("([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

  private static final Pattern BINDING_TYPE = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");

  /** Keys catalog sets on its Secrets to mark them as its own; a user may not set them. */
  private static final List<String> OWN_PREFIXES = List.of("catalog.dev/");

  private static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  private SecretShapeReader() {}

  /** The Secret's type, labels, annotations and layout, or empty when a part was reported. */
  record Shape(
      String type,
      Map<String, String> labels,
      Map<String, String> annotations,
      Optional<ServiceBindingLayout> layout) {}

  static Optional<Shape> read(MapReader s) {
    var problems = s.context().diagnostics().size();
    var labels = metadata(s, "labels", true);
    var annotations = metadata(s, "annotations", false);
    Optional<ServiceBindingLayout> layout = Optional.empty();
    var type = s.string("type").filter(t -> checkType(s, t));
    if (s.has("layout")) {
      layout = layout(s);
      if (type.isPresent() && layout.isPresent()) {
        s.error(
            "type",
            "layout: servicebinding sets the Secret type to " + layout.get().secretType(),
            "remove type");
      }
    } else {
      for (var key : List.of("bindingType", "provider")) {
        if (s.has(key)) {
          s.error(
              key, key + " is only read with layout: servicebinding", "add layout: servicebinding");
        }
      }
    }
    if (s.context().diagnostics().size() > problems) {
      return Optional.empty();
    }
    var secretType =
        layout
            .map(ServiceBindingLayout::secretType)
            .orElse(type.orElse(CredentialsTarget.SecretTarget.DEFAULT_TYPE));
    return Optional.of(new Shape(secretType, labels, annotations, layout));
  }

  private static Optional<ServiceBindingLayout> layout(MapReader s) {
    var layout = s.string("layout");
    if (layout.isEmpty()) {
      return Optional.empty();
    }
    if (!layout.get().equals("servicebinding")) {
      s.error(
          "layout",
          "unknown layout \"" + layout.get() + "\"",
          Suggestions.hint(layout.get(), List.of("servicebinding")));
      return Optional.empty();
    }
    if (!s.has("bindingType")) {
      s.error(
          "layout",
          "layout: servicebinding needs bindingType",
          "add bindingType: the binding's classification, like postgresql or redis");
      return Optional.empty();
    }
    var type = s.string("bindingType").filter(t -> checkBindingType(s, t));
    var provider = s.string("provider");
    return type.map(t -> new ServiceBindingLayout(t, provider));
  }

  private static boolean checkBindingType(MapReader s, String type) {
    if (type.length() <= 63 && BINDING_TYPE.matcher(type).matches()) {
      return true;
    }
    s.error(
        "bindingType",
        "invalid binding type \"" + type + "\"",
        "use lowercase letters, digits, \"-\" and \".\", like postgresql");
    return false;
  }

  private static boolean checkType(MapReader s, String type) {
    if (type.length() <= 253 && SECRET_TYPE.matcher(type).matches()) {
      return true;
    }
    s.error(
        "type",
        "invalid Secret type \"" + type + "\"",
        "write a type like Opaque or kubernetes.io/basic-auth");
    return false;
  }

  /** Labels or annotations: a mapping of qualified names to strings. */
  private static Map<String, String> metadata(MapReader s, String field, boolean label) {
    var result = new LinkedHashMap<String, String>();
    var reader = s.object(field);
    if (reader.isEmpty()) {
      return result;
    }
    var m = reader.get();
    var what = label ? "label" : "annotation";
    for (var key : m.keys()) {
      var value = m.string(key);
      if (value.isEmpty()) {
        continue;
      }
      if (!qualifiedName(key)) {
        m.error(
            key,
            "invalid " + what + " name \"" + key + "\"",
            "write NAME or PREFIX/NAME: NAME of letters, digits, \"-\", \"_\" and \".\", at most"
                + " 63 characters; PREFIX a DNS subdomain");
      } else if (key.equals(MANAGED_BY) || OWN_PREFIXES.stream().anyMatch(key::startsWith)) {
        m.error(
            key,
            what + " \"" + key + "\" is set by catalog to mark the Secret as its own",
            "choose another name");
      } else if (label
          && !(value.get().isEmpty()
              || value.get().length() <= 63 && NAME_PART.matcher(value.get()).matches())) {
        m.error(
            key,
            "invalid label value \"" + value.get() + "\"",
            "use letters, digits, \"-\", \"_\" and \".\", at most 63 characters");
      } else {
        result.put(key, value.get());
      }
    }
    return result;
  }

  private static boolean qualifiedName(String key) {
    int slash = key.indexOf('/');
    var name = slash < 0 ? key : key.substring(slash + 1);
    if (slash >= 0) {
      var prefix = key.substring(0, slash);
      if (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
        return false;
      }
    }
    return name.length() <= 63 && NAME_PART.matcher(name).matches();
  }

  /** A kubeconfig context name: any non-blank text; whether it exists is checked on load. */
  static boolean checkContext(MapReader s, String context) {
    if (!context.isBlank()) {
      return true;
    }
    s.error(
        "context",
        "the context name is empty",
        "name a context of your kubeconfig, or remove context");
    return false;
  }
}
