package dev.catalog.config;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.Optional;

/**
 * Reads one entry of {@code lifecycle.ignoreParameters}: a JSON Pointer (RFC 6901) such as {@code
 * /settings/backup/window}, or a plain top-level key such as {@code tags} (read as {@code /tags},
 * as the entry meant before pointers were accepted).
 */
final class IgnoredParameter {
  static final String HINT =
      "write a top-level key (tags) or a JSON Pointer starting with \"/\" (/settings/backup),"
          + " with \"~\" written ~0 and \"/\" inside a key written ~1";

  private IgnoredParameter() {}

  /** The entry as a JSON Pointer, or empty when it is not a valid one. */
  static Optional<String> pointer(String entry) {
    if (!entry.startsWith("/")) {
      return Optional.of("/" + entry.replace("~", "~0").replace("/", "~1"));
    }
    if (!escapesValid(entry)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JsonPointer.compile(entry).toString());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** RFC 6901: "~" only as "~0" or "~1". */
  private static boolean escapesValid(String pointer) {
    for (int i = 0; i < pointer.length(); i++) {
      if (pointer.charAt(i) == '~') {
        var next = i + 1 < pointer.length() ? pointer.charAt(i + 1) : ' ';
        if (next != '0' && next != '1') {
          return false;
        }
      }
    }
    return true;
  }
}
