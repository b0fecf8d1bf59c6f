package dev.catalog;

import java.util.Arrays;

/**
 * A resolved secret value (a broker password, a token, a credential).
 *
 * <p>Not a record on purpose: records print their components, and this must never reach a log,
 * an exception message or plan output by accident. {@link #toString()} is masked; only {@link
 * #reveal()} gives the value, at the one place it is sent.
 */
public final class Secret {
  private final char[] value;

  private Secret(char[] value) {
    this.value = value;
  }

  /** Wraps a value; the caller should drop its own reference. */
  public static Secret of(String value) {
    return new Secret(value.toCharArray());
  }

  /** The plain value, for the one place that must send it. */
  public String reveal() {
    return new String(value);
  }

  /** Whether the value is empty. */
  public boolean isEmpty() {
    return value.length == 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && Arrays.equals(value, s.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "(sensitive)";
  }
}
