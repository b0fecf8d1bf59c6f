package dev.catalog.config;

import dev.catalog.CatalogException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration is invalid: carries every {@link Diagnostic} found, in file and line order.
 * Thrown before any broker is contacted.
 */
public class ConfigException extends CatalogException {
  private final transient List<Diagnostic> diagnostics;

  public ConfigException(List<Diagnostic> diagnostics) {
    super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
    if (diagnostics.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one diagnostic");
    }
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** The problems, at least one. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** {@code 1 error.} or {@code N errors.}: the closing line under the list. */
  public String summary() {
    return diagnostics.size() == 1 ? "1 error." : diagnostics.size() + " errors.";
  }
}
