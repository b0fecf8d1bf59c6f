package dev.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package graph of docs/architecture.md holds in the code: every reference from a class in
 * src/main/java to another {@code dev.catalog} package (an import, or a name written in full) is
 * one the table allows (issue 12).
 */
class PackageDependenciesTest {
  private static final Path DOC = Path.of("docs/architecture.md");
  private static final Path MAIN = Path.of("src/main/java");
  private static final String ALL = "*";
  private static final Pattern EDGE = Pattern.compile("^(\\S+)\\s+->\\s*(.*)$");
  private static final Pattern REFERENCE =
      Pattern.compile("\\bdev\\.catalog\\.([a-z][a-z0-9]*(?:\\.[a-z][a-z0-9]*)*)\\.([A-Z]\\w*)");

  @Test
  void everyClassUsesOnlyThePackagesDocsArchitectureAllowsItsPackage() throws IOException {
    var allowed = allowedGraph();
    var violations = new ArrayList<String>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (var file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        violations.addAll(violations(file, allowed));
      }
    }
    assertThat(violations)
        .withFailMessage(
            "%d reference(s) the package graph does not allow:%n%s",
            violations.size(),
            String.join(System.lineSeparator(), violations))
        .isEmpty();
  }

  @Test
  void theAllowedGraphHasNoCyclesAndNothingUsesCli() throws IOException {
    var allowed = allowedGraph();
    for (var entry : allowed.entrySet()) {
      assertThat(entry.getValue()).as(entry.getKey()).doesNotContain("cli");
      assertThat(reachable(entry.getKey(), allowed))
          .as(entry.getKey())
          .doesNotContain(entry.getKey());
    }
  }

  /** What one file references that its package may not use, as {@code file:line: message}. */
  private static List<String> violations(Path file, Map<String, Set<String>> allowed)
      throws IOException {
    var lines = Files.readAllLines(file);
    var own = packageOf(lines);
    // The root package (CatalogException, Secret, FrozenJson) is below every layer.
    var permitted = own.isEmpty() ? Set.<String>of() : allowed.get(own);
    if (permitted == null) {
      return List.of(
          file + ":1: package " + display(own) + " is not in " + DOC + " (Allowed dependencies)");
    }
    var found = new ArrayList<String>();
    for (int i = 0; i < lines.size(); i++) {
      var line = lines.get(i);
      if (line.startsWith("package ")) {
        continue;
      }
      var m = REFERENCE.matcher(line);
      while (m.find()) {
        var used = m.group(1);
        if (used.equals(own) || permitted.contains(ALL) || permitted.contains(used)) {
          continue;
        }
        found.add(
            file
                + ":"
                + (i + 1)
                + ": "
                + display(own)
                + " uses dev.catalog."
                + used
                + "."
                + m.group(2)
                + ", but "
                + display(own)
                + " may use only "
                + (permitted.isEmpty() ? "dev.catalog" : "dev.catalog, " + permitted)
                + " ("
                + DOC
                + ", Allowed dependencies)");
      }
    }
    return found;
  }

  /** The table under "## Allowed dependencies": package to the packages it may use. */
  private static Map<String, Set<String>> allowedGraph() throws IOException {
    var doc = Files.readString(DOC);
    var section = doc.substring(doc.indexOf("## Allowed dependencies"));
    var block = section.substring(section.indexOf("```text") + "```text".length());
    block = block.substring(0, block.indexOf("```"));
    var graph = new LinkedHashMap<String, Set<String>>();
    for (var line : block.strip().split("\n")) {
      var m = EDGE.matcher(line.strip());
      assertThat(m.matches()).as("not a 'package -> packages' line: " + line).isTrue();
      var targets = new TreeSet<String>();
      for (var target : m.group(2).split(",")) {
        if (!target.isBlank()) {
          targets.add(target.strip());
        }
      }
      graph.put(m.group(1), targets);
    }
    return graph;
  }

  private static Set<String> reachable(String from, Map<String, Set<String>> graph) {
    var seen = new HashSet<String>();
    var todo = new ArrayList<>(graph.getOrDefault(from, Set.of()));
    while (!todo.isEmpty()) {
      var next = todo.remove(todo.size() - 1);
      if (!next.equals(ALL) && seen.add(next)) {
        todo.addAll(graph.getOrDefault(next, Set.of()));
      }
    }
    return seen;
  }

  private static String packageOf(List<String> lines) {
    for (var line : lines) {
      if (line.startsWith("package dev.catalog")) {
        var name = line.substring("package dev.catalog".length(), line.indexOf(';'));
        return name.startsWith(".") ? name.substring(1) : name;
      }
    }
    throw new AssertionError("no package line");
  }

  private static String display(String pkg) {
    return pkg.isEmpty() ? "dev.catalog" : pkg;
  }
}
