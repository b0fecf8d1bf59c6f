package dev.catalog.config;

import java.util.Objects;

/**
 * A place in a configuration file, as the user named the file (relative paths stay relative).
 *
 * @param file the file path as given on the command line or found in a given directory
 * @param line 1-based line, or 0 when the problem concerns the whole file (it cannot be read)
 * @param column 1-based column, or 0 with line 0
 */
public record Location(String file, int line, int column) {
  public Location {
    Objects.requireNonNull(file, "file");
  }

  /** The location of a whole file, for problems that have no line (an unreadable file). */
  public static Location ofFile(String file) {
    return new Location(file, 0, 0);
  }

  /** {@code file:line:column}, or just {@code file} for a whole-file location. */
  @Override
  public String toString() {
    return line == 0 ? file : file + ":" + line + ":" + column;
  }
}
