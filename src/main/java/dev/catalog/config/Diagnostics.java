package dev.catalog.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects every problem found while loading, so all are reported at once instead of one per run.
 * Local to one load; not shared between threads.
 */
final class Diagnostics {
  private final List<Diagnostic> found = new ArrayList<>();

  void error(Location location, String field, String message) {
    found.add(Diagnostic.of(location, field, message));
  }

  void error(Location location, String field, String message, String hint) {
    found.add(new Diagnostic(location, field, message, hint));
  }

  /** Adds the problems {@code other} found, after those found here. */
  void addAll(Diagnostics other) {
    found.addAll(other.found);
  }

  /** How many were reported so far: a reader compares it before and after reading a part. */
  int size() {
    return found.size();
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  /**
   * The problems in the order the files were given, then by line and column; problems at the same
   * place keep the order they were found in.
   */
  List<Diagnostic> sorted(List<String> fileOrder) {
    Comparator<Diagnostic> order =
        Comparator.<Diagnostic>comparingInt(d -> rank(fileOrder, d.location().file()))
            .thenComparingInt(d -> d.location().line())
            .thenComparingInt(d -> d.location().column());
    return found.stream().sorted(order).toList();
  }

  private static int rank(List<String> fileOrder, String file) {
    int i = fileOrder.indexOf(file);
    return i < 0 ? Integer.MAX_VALUE : i;
  }
}
