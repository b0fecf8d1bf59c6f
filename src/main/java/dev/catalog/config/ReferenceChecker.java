package dev.catalog.config;

import dev.catalog.config.FileContents.Declaration;
import dev.catalog.config.FileContents.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks what only the merged files can show: names declared twice (in one file or across files),
 * {@code broker:} and {@code instance:} references to names nobody declared, and a backend declared
 * in more than one file.
 */
final class ReferenceChecker {
  private static final int MAX_LISTED = 5;

  private ReferenceChecker() {}

  static void check(List<FileContents> files, Diagnostics diagnostics) {
    var declared = new EnumMap<Kind, Map<String, Declaration>>(Kind.class);
    for (var kind : Kind.values()) {
      declared.put(kind, new LinkedHashMap<>());
    }
    FileContents backendOwner = null;
    for (var file : files) {
      for (var declaration : file.declarations) {
        var first = declared.get(declaration.kind()).putIfAbsent(declaration.name(), declaration);
        if (first != null) {
          diagnostics.error(
              declaration.location(),
              declaration.field(),
              declaration.kind().singular
                  + " \""
                  + declaration.name()
                  + "\" is already declared at "
                  + first.location(),
              "names must be unique among " + declaration.kind().plural + "; rename one");
        }
      }
      if (file.hasBackend) {
        if (backendOwner == null) {
          backendOwner = file;
        } else {
          diagnostics.error(
              file.backendLocation,
              "backend",
              "backend is already declared at " + backendOwner.backendLocation,
              "declare the backend in one file only");
        }
      }
    }
    for (var file : files) {
      for (var reference : file.references) {
        var names = declared.get(reference.kind());
        if (!names.containsKey(reference.name())) {
          diagnostics.error(
              reference.location(),
              reference.field(),
              reference.kind().singular + " \"" + reference.name() + "\" is not declared",
              hint(reference.kind(), reference.name(), names));
        }
      }
    }
  }

  /** The nearest declared name, else the declared names and where they are. */
  private static String hint(Kind kind, String name, Map<String, Declaration> declared) {
    if (declared.isEmpty()) {
      return "no " + kind.plural + " are declared; add one under " + kind.plural + ":";
    }
    var nearest = Suggestions.nearest(name, declared.keySet());
    if (nearest.isPresent()) {
      return "did you mean \""
          + nearest.get()
          + "\" (declared at "
          + declared.get(nearest.get()).location()
          + ")?";
    }
    var listed = new ArrayList<>(declared.values());
    var text =
        listed.stream()
            .limit(MAX_LISTED)
            .map(d -> "\"" + d.name() + "\" (" + d.location() + ")")
            .collect(Collectors.joining(", "));
    var more = listed.size() > MAX_LISTED ? " and " + (listed.size() - MAX_LISTED) + " more" : "";
    return "declared " + kind.plural + ": " + text + more;
  }
}
