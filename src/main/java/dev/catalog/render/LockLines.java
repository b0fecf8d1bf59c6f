package dev.catalog.render;

/** The lock-file section of the text and Markdown plans. */
final class LockLines {
  static final String HEADING = "Catalog changes since catalog.lock.json:";
  static final String HINT =
      "Review them, then run \"catalog lock\" to record them (--lockfile=readonly refuses them).";

  private LockLines() {}

  static String line(PlanView.LockItem item) {
    return item.subject() + ": " + item.detail();
  }
}
