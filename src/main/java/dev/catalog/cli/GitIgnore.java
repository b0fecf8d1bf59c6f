package dev.catalog.cli;

import dev.catalog.CatalogException;
import dev.catalog.IoErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code .gitignore} {@code catalog init} writes beside the configuration: the files catalog
 * leaves there that must not be committed (issue 19: in CI the checkout collected backups). The
 * state file itself is not listed; whether a local state is committed is the user's choice.
 */
final class GitIgnore {
  static final List<String> PATTERNS =
      List.of(
          "catalog.state.json.backup",
          "catalog.state.json.lock",
          ".catalog.state.json.*",
          "catalog.state.*.backup.json",
          "errored.catalog.state.json");

  private GitIgnore() {}

  /** Adds the patterns a file lacks (creating it); whether anything was written. */
  static boolean update(Path file) {
    try {
      var existing = Files.exists(file) ? Files.readAllLines(file) : List.<String>of();
      var missing = new ArrayList<String>();
      for (var pattern : PATTERNS) {
        if (!existing.contains(pattern)) {
          missing.add(pattern);
        }
      }
      if (missing.isEmpty()) {
        return false;
      }
      var text = new StringBuilder();
      if (!existing.isEmpty() && !existing.get(existing.size() - 1).isEmpty()) {
        text.append('\n');
      }
      text.append("# Left beside the configuration by catalog (written by catalog init)\n");
      missing.forEach(p -> text.append(p).append('\n'));
      Files.writeString(
          file,
          text,
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      return true;
    } catch (IOException e) {
      throw new CatalogException("cannot write " + file + ": " + IoErrors.reason(e));
    }
  }
}
