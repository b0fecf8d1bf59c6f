package dev.catalog.state;

import dev.catalog.CatalogException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The address of a managed resource: {@code instance.NAME} or {@code binding.NAME} (PRODUCT.md
 * section 2). Names are what the YAML declares; they key the state document.
 *
 * @param kind instance or binding
 * @param name the declared name
 */
public record Address(ResourceKind kind, String name) implements Comparable<Address> {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}");

  public Address {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new CatalogException(
          "invalid resource name '"
              + name
              + "': use 1 to 63 letters, digits, '-' or '_', starting with a letter or digit");
    }
  }

  /** An instance address. */
  public static Address instance(String name) {
    return new Address(ResourceKind.INSTANCE, name);
  }

  /** A binding address. */
  public static Address binding(String name) {
    return new Address(ResourceKind.BINDING, name);
  }

  /** Parses {@code instance.NAME} or {@code binding.NAME}. */
  public static Address parse(String text) {
    Objects.requireNonNull(text, "text");
    int dot = text.indexOf('.');
    var kind = dot < 0 ? null : ResourceKind.fromPrefix(text.substring(0, dot));
    if (kind == null) {
      throw new CatalogException(
          "invalid address '" + text + "': expected instance.NAME or binding.NAME");
    }
    return new Address(kind, text.substring(dot + 1));
  }

  @Override
  public int compareTo(Address other) {
    int byKind = kind.compareTo(other.kind);
    return byKind != 0 ? byKind : name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return kind.prefix() + "." + name;
  }
}
