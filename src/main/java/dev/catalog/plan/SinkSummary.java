package dev.catalog.plan;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.config.CredentialsTarget;
import dev.catalog.config.SinkDigest;
import dev.catalog.state.SinkDescription;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Optional;

/**
 * Where a binding's credentials go, for the plan JSON (issue 13 item 5): enough for a policy to
 * check it (type, cluster context, namespace and name or path, layout, format, a digest of the
 * transforms), never a credential. Fields are read from the sink record by name, so a field added
 * to it (a context, a layout) appears with no change here.
 */
public final class SinkSummary {
  private static final List<String> SHOWN =
      List.of("context", "namespace", "name", "path", "layout", "format", "type", "mode");

  private SinkSummary() {}

  /** The configured sink. */
  public static ObjectNode of(CredentialsTarget target) {
    var node = JsonNodeFactory.instance.objectNode();
    node.put(
        "type", target instanceof CredentialsTarget.SecretTarget ? "kubernetes-secret" : "file");
    var secretType = Optional.<String>empty();
    for (String field : SHOWN) {
      for (RecordComponent c : target.getClass().getRecordComponents()) {
        if (!c.getName().equals(field)) {
          continue;
        }
        Object value = value(c, target);
        if (value instanceof Optional<?> optional) {
          value = optional.orElse(null);
        }
        if (value == null) {
          continue;
        }
        String text =
            field.equals("layout")
                ? "servicebinding"
                : value instanceof java.nio.file.Path path
                    ? path.toAbsolutePath().normalize().toString()
                    : value instanceof Enum<?> e
                        ? e.name().toLowerCase(java.util.Locale.ROOT)
                        : String.valueOf(value);
        if (field.equals("type")) {
          secretType = Optional.of(text); // the Secret's type, not the sink's
        } else {
          node.put(field, text);
        }
      }
    }
    secretType.ifPresent(t -> node.put("secret_type", t));
    node.put("transforms_digest", SinkDigest.transforms(target));
    return node;
  }

  /** A recorded sink (a binding to delete): where it is, nothing more is known. */
  public static ObjectNode of(SinkDescription sink) {
    var node = JsonNodeFactory.instance.objectNode();
    if (sink instanceof SinkDescription.KubernetesSecret s) {
      node.put("type", "kubernetes-secret");
      s.context().ifPresent(c -> node.put("context", c));
      return node.put("namespace", s.namespace()).put("name", s.name());
    }
    return node.put("type", "file").put("path", ((SinkDescription.File) sink).path());
  }

  private static Object value(RecordComponent c, Object record) {
    try {
      return c.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + c.getName() + " of a sink record", e);
    }
  }
}
