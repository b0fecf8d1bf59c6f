package dev.catalog.cli;

import dev.catalog.plan.CatalogLock;
import dev.catalog.plan.LockDifference;
import java.util.List;

/** The error of {@code plan --lockfile=readonly} when a live catalog differs from the lock. */
final class LockfileReadonly {
  private LockfileReadonly() {}

  static String message(List<LockDifference> differences) {
    var sb =
        new StringBuilder("--lockfile=readonly: the live catalogs differ from ")
            .append(CatalogLock.FILE_NAME)
            .append(":\n");
    differences.forEach(d -> sb.append("  ").append(d).append('\n'));
    return sb.append("review the changes, then run \"catalog lock\" and commit ")
        .append(CatalogLock.FILE_NAME)
        .toString();
  }
}
