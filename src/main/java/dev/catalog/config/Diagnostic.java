package dev.catalog.config;

import java.util.Objects;

/**
 * One problem with the configuration: where it is, which field, what is wrong and how to fix it.
 * Printed as {@code catalog.yaml:14:11: instances[1].plan: message; hint}.
 *
 * @param location where the offending value (or key) is
 * @param field the field path as the user reads it, like {@code instances[1].plan}; empty for a
 *     problem with a whole file
 * @param message what is wrong; never contains a secret value
 * @param hint how to fix it, like {@code did you mean "plan"?}; empty when there is none
 */
public record Diagnostic(Location location, String field, String message, String hint) {
  public Diagnostic {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(hint, "hint");
  }

  /** A diagnostic without a hint. */
  public static Diagnostic of(Location location, String field, String message) {
    return new Diagnostic(location, field, message, "");
  }

  /** A diagnostic about a field of a resource, located through the resource's source map. */
  public static Diagnostic at(Source source, String field, String message, String hint) {
    return new Diagnostic(source.locationOf(field), source.pathOf(field), message, hint);
  }

  /** The line shown to the user. */
  @Override
  public String toString() {
    var sb = new StringBuilder(location.toString()).append(": ");
    if (!field.isEmpty()) {
      sb.append(field).append(": ");
    }
    sb.append(message);
    if (!hint.isEmpty()) {
      sb.append("; ").append(hint);
    }
    return sb.toString();
  }
}
