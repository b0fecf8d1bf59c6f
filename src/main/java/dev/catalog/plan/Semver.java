package dev.catalog.plan;

import java.util.Comparator;

/**
 * Orders maintenance_info versions (semver 2.0, checklist C-10): numeric major.minor.patch, a
 * pre-release below its release; build metadata ignored.
 */
final class Semver {
  static final Comparator<String> ORDER = Semver::compare;

  private Semver() {}

  static int compare(String a, String b) {
    var x = core(a);
    var y = core(b);
    for (int i = 0; i < 3; i++) {
      int c = Long.compare(number(x, i), number(y, i));
      if (c != 0) {
        return c;
      }
    }
    var preA = pre(a);
    var preB = pre(b);
    if (preA.isEmpty() || preB.isEmpty()) {
      return Boolean.compare(preA.isEmpty(), preB.isEmpty());
    }
    return preA.compareTo(preB);
  }

  private static String[] core(String v) {
    var plain = v.split("\\+", 2)[0].split("-", 2)[0];
    return plain.split("\\.");
  }

  private static String pre(String v) {
    var plain = v.split("\\+", 2)[0];
    int dash = plain.indexOf('-');
    return dash < 0 ? "" : plain.substring(dash + 1);
  }

  private static long number(String[] parts, int i) {
    try {
      return i < parts.length ? Long.parseLong(parts[i]) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
