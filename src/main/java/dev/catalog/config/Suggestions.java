package dev.catalog.config;

import java.util.Collection;
import java.util.Optional;

/** Finds the valid word nearest to a misspelt one, for "did you mean" hints. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate with the smallest edit distance to {@code word}, if it is close enough to be a
   * plausible typo (at most a third of the word's length, and at least 2 edits allowed); case
   * differences count as no edit. Ties go to the earlier candidate.
   */
  public static Optional<String> nearest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (var candidate : candidates) {
      int d =
          distance(
              word.toLowerCase(java.util.Locale.ROOT),
              candidate.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    int allowed = Math.max(2, word.length() / 3);
    return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** {@code did you mean "x"?}, or a list of the valid words when none is close. */
  public static String hint(String word, Collection<String> candidates) {
    return nearest(word, candidates)
        .map(n -> "did you mean \"" + n + "\"?")
        .orElseGet(() -> "expected one of: " + String.join(", ", candidates));
  }

  /** Levenshtein distance with adjacent transpositions counted as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
