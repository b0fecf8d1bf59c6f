package dev.catalog.apply;

import java.util.List;
import org.assertj.core.api.AbstractAssert;

/** Assertions that read like the spec: {@code assertThat(log).appliedInOrder(a, b)}. */
final class ApplyLogAssert extends AbstractAssert<ApplyLogAssert, ApplyLog> {
  private ApplyLogAssert(ApplyLog log) {
    super(log, ApplyLogAssert.class);
  }

  static ApplyLogAssert assertThat(ApplyLog log) {
    return new ApplyLogAssert(log);
  }

  /** Each address completed, and each completed before the next one started. */
  ApplyLogAssert appliedInOrder(String... addresses) {
    List<String> lines = actual.lines();
    for (int i = 0; i < addresses.length; i++) {
      int completed = lines.indexOf("completed " + addresses[i]);
      if (completed < 0) {
        failWithMessage("Expected %s to complete, but the log was:%n%s", addresses[i], text());
      }
      if (i + 1 < addresses.length) {
        int nextStarted = lines.indexOf("started " + addresses[i + 1]);
        if (nextStarted >= 0 && nextStarted < completed) {
          failWithMessage(
              "Expected %s to complete before %s started, but the log was:%n%s",
              addresses[i], addresses[i + 1], text());
        }
      }
    }
    return this;
  }

  /** The address was skipped with exactly this reason and never started. */
  ApplyLogAssert skipped(String address, String reason) {
    List<String> lines = actual.lines();
    if (!lines.contains("skipped " + address + " " + reason)
        || lines.contains("started " + address)) {
      failWithMessage(
          "Expected %s to be skipped %s and never started, but the log was:%n%s",
          address, reason, text());
    }
    return this;
  }

  private String text() {
    return String.join(System.lineSeparator(), actual.lines());
  }
}
