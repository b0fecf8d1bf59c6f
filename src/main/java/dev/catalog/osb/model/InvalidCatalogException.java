package dev.catalog.osb.model;

import java.util.List;

/** A catalog that breaks the spec's rules; each problem starts with its JSON path (C-06). */
public final class InvalidCatalogException extends IllegalArgumentException {
  private final List<String> problems;

  public InvalidCatalogException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
