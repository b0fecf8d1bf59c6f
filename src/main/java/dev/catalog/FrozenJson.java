package dev.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Immutable, compact copies of JSON trees, for the parameters and contexts that every desired and
 * recorded resource holds (issue 7: 100,000 instances held a million Jackson objects, each with a
 * {@code LinkedHashMap} of about 360 bytes before its values).
 *
 * <p>A frozen object is a Jackson {@link ObjectNode} over a read-only map of two arrays, and a
 * frozen array one over a read-only list, so every reader (equality, hashing, serialising, {@code
 * at}, schema validation) works unchanged, and any attempt to change one throws {@link
 * UnsupportedOperationException}. {@code deepCopy()} of a frozen tree is an ordinary mutable tree.
 * Keys and short strings are interned: every resource repeats the same keys and most values.
 */
public final class FrozenJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int INTERN_MAX_LENGTH = 64;
  private static final ObjectNode EMPTY = new ObjectNode(JSON, new FrozenMap(new Object[0]));

  private FrozenJson() {}

  /** A frozen copy of {@code object}, or {@code object} itself when it is already frozen. */
  public static ObjectNode freeze(ObjectNode object) {
    if (isFrozen(object)) {
      return object;
    }
    if (object.isEmpty()) {
      return EMPTY;
    }
    var keysAndValues = new Object[object.size() * 2];
    int i = 0;
    for (var member : object.properties()) {
      keysAndValues[i++] = member.getKey().intern();
      keysAndValues[i++] = freeze(member.getValue());
    }
    return new ObjectNode(JSON, new FrozenMap(keysAndValues));
  }

  /** A frozen copy of any JSON value; scalars other than strings are immutable already. */
  public static JsonNode freeze(JsonNode node) {
    if (node instanceof ObjectNode object) {
      return freeze(object);
    } else if (node instanceof ArrayNode array) {
      var items = new ArrayList<JsonNode>(array.size());
      array.forEach(item -> items.add(freeze(item)));
      return new ArrayNode(JSON, Collections.unmodifiableList(items));
    } else if (node instanceof TextNode text && text.textValue().length() <= INTERN_MAX_LENGTH) {
      return TextNode.valueOf(text.textValue().intern());
    }
    return node;
  }

  /** Whether {@code object} was made by {@link #freeze(ObjectNode)}. */
  public static boolean isFrozen(ObjectNode object) {
    return object.properties() instanceof FrozenMap.Members;
  }

  /**
   * A read-only map in insertion order over one array of alternating keys and values: 16 bytes
   * plus 8 a member, against a {@code LinkedHashMap}'s 56 plus its table plus 40 a member. Large
   * objects get a key index so lookups stay constant-time.
   */
  private static final class FrozenMap extends AbstractMap<String, JsonNode> {
    private static final int INDEX_FROM = 16;

    private final Object[] keysAndValues;
    private final Map<String, Integer> index;

    FrozenMap(Object[] keysAndValues) {
      this.keysAndValues = keysAndValues;
      if (keysAndValues.length / 2 >= INDEX_FROM) {
        var positions = new HashMap<String, Integer>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
          positions.put((String) keysAndValues[i], i);
        }
        this.index = positions;
      } else {
        this.index = null;
      }
    }

    @Override
    public int size() {
      return keysAndValues.length / 2;
    }

    @Override
    public boolean containsKey(Object key) {
      return position(key) >= 0;
    }

    @Override
    public JsonNode get(Object key) {
      int at = position(key);
      return at < 0 ? null : (JsonNode) keysAndValues[at + 1];
    }

    private int position(Object key) {
      if (index != null) {
        var at = index.get(key);
        return at == null ? -1 : at;
      }
      for (int i = 0; i < keysAndValues.length; i += 2) {
        if (keysAndValues[i].equals(key)) {
          return i;
        }
      }
      return -1;
    }

    @Override
    public Set<Entry<String, JsonNode>> entrySet() {
      return new Members();
    }

    /** The members in order; its class marks a frozen object. */
    private final class Members extends AbstractSet<Entry<String, JsonNode>> {
      @Override
      public int size() {
        return keysAndValues.length / 2;
      }

      @Override
      public Iterator<Entry<String, JsonNode>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < keysAndValues.length;
          }

          @Override
          public Entry<String, JsonNode> next() {
            if (next >= keysAndValues.length) {
              throw new NoSuchElementException();
            }
            var entry =
                new SimpleImmutableEntry<>(
                    (String) keysAndValues[next], (JsonNode) keysAndValues[next + 1]);
            next += 2;
            return entry;
          }
        };
      }
    }
  }
}
