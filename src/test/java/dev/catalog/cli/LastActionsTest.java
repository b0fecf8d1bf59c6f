package dev.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** The process's last actions run newest first, once each, and a failed one does not stop them. */
class LastActionsTest {
  final StringWriter err = new StringWriter();
  final ArrayList<String> ran = new ArrayList<>();

  @Test
  void runsTheRecorderFlushBeforeTheLockReleaseAndSkipsWhatTheCommandAlreadyDid() {
    try (var lastActions = new LastActions(new PrintWriter(err, true))) {
      lastActions.add(() -> ran.add("release the lock"));
      var done = lastActions.add(() -> ran.add("close the sinks"));
      lastActions.add(() -> ran.add("flush the recorder"));
      done.close();

      lastActions.runAll();
      lastActions.runAll();
    }

    assertThat(ran).containsExactly("flush the recorder", "release the lock");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aFailingLastActionIsReportedAndTheNextStillRuns() {
    try (var lastActions = new LastActions(new PrintWriter(err, true))) {
      lastActions.add(() -> ran.add("release the lock"));
      lastActions.add(
          () -> {
            throw new IllegalStateException("state write failed: backend unreachable");
          });

      lastActions.runAll();
    }

    assertThat(ran).containsExactly("release the lock");
    assertThat(err.toString())
        .isEqualTo("Warning: state write failed: backend unreachable" + System.lineSeparator());
  }
}
