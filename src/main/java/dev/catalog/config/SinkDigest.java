package dev.catalog.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Digests of a binding's configured sink ({@link CredentialsTarget}), compared with the ones state
 * recorded at the last delivery to tell whether the sink changed (issue 13).
 *
 * <p>The digest is taken over a canonical form built from the record components themselves, so a
 * field added to a sink record (a kubeconfig context, labels, a layout, a new transform) is
 * compared with no change here. Only where a value was written in YAML is left out: components of
 * type {@link Location} or {@link Source}, and {@code written} (the path as typed, which the
 * absolute path already stands for).
 *
 * <p>Two digests: {@link #whole} of every field, and {@link #shaping} of the fields that decide the
 * stored content, i.e. all but where the sink is ({@value #LOCATION}) and its metadata ({@value
 * #METADATA}). A change that keeps the shaping digest lets apply copy the stored content from the
 * current sink as it is; any other needs the credentials themselves (docs/credentials.md). A field
 * unknown here counts as shaping, the safe side: it can only cost a read from the broker.
 */
public final class SinkDigest {
  static final String LOCATION = "namespace, name, path, context";
  static final String METADATA = "labels, annotations, type, mode";
  private static final Set<String> WHERE = Set.of("namespace", "name", "path", "context");
  private static final Set<String> META = Set.of("labels", "annotations", "type", "mode");
  private static final Set<String> NOT_COMPARED = Set.of("written");

  private SinkDigest() {}

  /** {@code sha256:HEX} of every field of {@code target}. */
  public static String whole(CredentialsTarget target) {
    return sha256(canonical(target, Set.of()));
  }

  /** {@code sha256:HEX} of the fields that decide what the sink stores. */
  public static String shaping(CredentialsTarget target) {
    var skipped = new java.util.HashSet<>(WHERE);
    skipped.addAll(META);
    return sha256(canonical(target, skipped));
  }

  /** {@code sha256:HEX} of {@code target}'s key transforms, for the plan JSON (item 5). */
  public static String transforms(CredentialsTarget target) {
    for (RecordComponent c : target.getClass().getRecordComponents()) {
      if (c.getName().equals("transforms")) {
        return sha256(canonical(value(c, target), Set.of()));
      }
    }
    return sha256("[]");
  }

  /** The canonical text of {@code value}: records with their type, maps sorted by key. */
  static String canonical(Object value, Set<String> skipped) {
    var out = new StringBuilder();
    write(value, skipped, out, true);
    return out.toString();
  }

  private static void write(Object value, Set<String> skipped, StringBuilder out, boolean top) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Optional<?> optional) {
      write(optional.orElse(null), skipped, out, false);
    } else if (value instanceof Record record) {
      out.append('{').append(quote("@type")).append(':').append(quote(typeName(record)));
      for (RecordComponent c : record.getClass().getRecordComponents()) {
        Class<?> type = c.getType();
        if (type == Location.class
            || type == Source.class
            || NOT_COMPARED.contains(c.getName())
            || (top && skipped.contains(c.getName()))) {
          continue;
        }
        out.append(',').append(quote(c.getName())).append(':');
        write(value(c, record), skipped, out, false);
      }
      out.append('}');
    } else if (value instanceof Map<?, ?> map) {
      var sorted = new TreeMap<String, Object>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
      out.append('{');
      boolean first = true;
      for (var e : sorted.entrySet()) {
        out.append(first ? "" : ",").append(quote(e.getKey())).append(':');
        write(e.getValue(), skipped, out, false);
        first = false;
      }
      out.append('}');
    } else if (value instanceof Collection<?> list) {
      out.append('[');
      boolean first = true;
      for (Object item : list) {
        out.append(first ? "" : ",");
        write(item, skipped, out, false);
        first = false;
      }
      out.append(']');
    } else if (value instanceof Path path) {
      out.append(quote(path.toAbsolutePath().normalize().toString()));
    } else if (value instanceof Enum<?> e) {
      out.append(quote(e.name()));
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else {
      out.append(quote(String.valueOf(value)));
    }
  }

  // The nested type's simple name tells transforms with the same components apart (removeKey and
  // jsonKey both have only a key), and a Secret from a file.
  private static String typeName(Record record) {
    return record.getClass().getSimpleName();
  }

  private static Object value(RecordComponent c, Object record) {
    try {
      var accessor = c.getAccessor();
      accessor.setAccessible(true);
      return accessor.invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + c.getName() + " of a sink record", e);
    }
  }

  private static String quote(String text) {
    var out = new StringBuilder("\"");
    for (char ch : text.toCharArray()) {
      if (ch == '"' || ch == '\\') {
        out.append('\\').append(ch);
      } else if (ch < 0x20) {
        out.append(String.format("\\u%04x", (int) ch));
      } else {
        out.append(ch);
      }
    }
    return out.append('"').toString();
  }

  private static String sha256(String text) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      return "sha256:"
          + HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
