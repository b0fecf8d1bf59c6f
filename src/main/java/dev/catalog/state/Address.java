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

  /**
   * A retiring binding (issue 14): the declared name, {@code ~} and the first 8 characters of its
   * binding id. It keeps an old binding in state, next to its successor under the declared name,
   * until its unbind succeeds; Terraform's "deposed object". No declared name contains {@code ~}.
   */
  private static final Pattern RETIRING =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}~[0-9a-z]{8}");

  public Address {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()
        && !(kind == ResourceKind.BINDING && RETIRING.matcher(name).matches())) {
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

  /** The address under which {@code binding}, replaced by a new binding, retires. */
  public static Address retiring(Address binding, String bindingId) {
    if (binding.kind() != ResourceKind.BINDING || binding.isRetiring()) {
      throw new IllegalArgumentException("not a declared binding: " + binding);
    }
    var key = bindingId.replace("-", "").toLowerCase(java.util.Locale.ROOT);
    return binding(binding.name() + "~" + (key + "00000000").substring(0, 8));
  }

  /** Whether this is a retiring binding's address ({@code binding.NAME~KEY}). */
  public boolean isRetiring() {
    return name.indexOf('~') >= 0;
  }

  /** The declared address: this one, or for a retiring binding its successor's. */
  public Address declared() {
    int tilde = name.indexOf('~');
    return tilde < 0 ? this : new Address(kind, name.substring(0, tilde));
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
