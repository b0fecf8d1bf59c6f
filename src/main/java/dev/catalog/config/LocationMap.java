package dev.catalog.config;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable map of field paths or JSON Pointers to locations in one file, held as sorted
 * interned keys and packed line/column pairs; a {@link Location} is made only when asked for.
 *
 * <p>Every resource and every configured parameter remembers where it was written (for plan-time
 * errors), and as a {@code Map} of {@code Location} records that was about 100 bytes an entry:
 * three million entries for 100,000 instances (issue 7). Here an entry is 12 bytes; the keys (a
 * few dozen distinct paths like {@code plan} or {@code /backup/enabled}) are shared.
 */
final class LocationMap extends AbstractMap<String, Location> {
  private static final LocationMap EMPTY = new LocationMap("", new String[0], new long[0]);

  private final String file;
  private final String[] keys;
  private final long[] positions;

  private LocationMap(String file, String[] keys, long[] positions) {
    this.file = file;
    this.keys = keys;
    this.positions = positions;
  }

  /**
   * An immutable copy of {@code locations}: compact when they are all in one file (as a resource's
   * always are), else an ordinary immutable map.
   */
  static Map<String, Location> copyOf(Map<String, Location> locations) {
    return copyOf(locations, null);
  }

  /** {@link #copyOf(Map)}, its key array shared through {@code keySets} when given. */
  static Map<String, Location> copyOf(Map<String, Location> locations, LocationKeys keySets) {
    if (locations instanceof LocationMap) {
      return locations;
    }
    if (locations.isEmpty()) {
      return EMPTY;
    }
    var file = locations.values().iterator().next().file();
    if (!locations.values().stream().allMatch(l -> l.file().equals(file))) {
      return Map.copyOf(locations);
    }
    var keys = locations.keySet().toArray(new String[0]);
    Arrays.sort(keys);
    var positions = new long[keys.length];
    for (int i = 0; i < keys.length; i++) {
      var location = locations.get(keys[i]);
      positions[i] = ((long) location.line() << 32) | (location.column() & 0xffffffffL);
      keys[i] = keys[i].intern();
    }
    return new LocationMap(file, keySets == null ? keys : keySets.share(keys), positions);
  }

  private Location location(int i) {
    return new Location(file, (int) (positions[i] >>> 32), (int) positions[i]);
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String k && Arrays.binarySearch(keys, k) >= 0;
  }

  @Override
  public Location get(Object key) {
    if (!(key instanceof String k)) {
      return null;
    }
    int at = Arrays.binarySearch(keys, k);
    return at < 0 ? null : location(at);
  }

  @Override
  public Set<Entry<String, Location>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return keys.length;
      }

      @Override
      public Iterator<Entry<String, Location>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < keys.length;
          }

          @Override
          public Entry<String, Location> next() {
            if (next >= keys.length) {
              throw new NoSuchElementException();
            }
            var entry = new SimpleImmutableEntry<>(keys[next], location(next));
            next++;
            return entry;
          }
        };
      }
    };
  }
}
