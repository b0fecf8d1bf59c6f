package dev.catalog.render;

import dev.catalog.apply.ApplyEvent;
import dev.catalog.apply.ApplyListener;
import dev.catalog.apply.ApplyResult;
import dev.catalog.apply.SkipReason;
import dev.catalog.apply.Step;
import dev.catalog.apply.StepAction;
import dev.catalog.apply.StepResult;
import dev.catalog.apply.StepStatus;
import dev.catalog.plan.GraphNode;
import dev.catalog.state.Address;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One apply's events, fixed: an instance created after polls, a binding whose bind fails, a
 * dependent skipped, and an instance deleted. Played into a listener by each renderer test.
 */
final class ProgressScript {
  static final Instant T0 = Instant.parse("2026-11-21T06:00:00Z");
  static final Step DB = new Step("instance.db", StepAction.CREATE, Set.of());
  static final Step OLD = new Step("instance.old", StepAction.DELETE, Set.of());
  static final Step APP = new Step("binding.app", StepAction.CREATE, Set.of("instance.db"));
  static final Step REPORT = new Step("binding.report", StepAction.CREATE, Set.of("binding.app"));
  static final String BIND_ERROR =
      "binding.app: bind failed: broker \"acme\" returned 500 Internal Server Error: \"out of"
          + " connections\"";

  private ProgressScript() {}

  static List<ApplyEvent> events() {
    return List.of(
        new ApplyEvent.Started(DB, at(0)),
        new ApplyEvent.Started(OLD, at(0)),
        new ApplyEvent.Polling(DB, at(2), Duration.ofSeconds(2), "provisioning"),
        new ApplyEvent.Polling(DB, at(4), Duration.ofSeconds(4), "provisioning"),
        new ApplyEvent.Completed(OLD, at(5), Duration.ofSeconds(5)),
        new ApplyEvent.Polling(DB, at(12), Duration.ofSeconds(12), "provisioning"),
        new ApplyEvent.Polling(DB, at(13), Duration.ofSeconds(13), "creating\u001B[2J users\n"),
        new ApplyEvent.Completed(DB, at(75), Duration.ofSeconds(75)),
        new ApplyEvent.Started(APP, at(75)),
        new ApplyEvent.Failed(APP, at(76), Duration.ofSeconds(1), BIND_ERROR),
        new ApplyEvent.Skipped(
            REPORT,
            at(76),
            SkipReason.blockedBy(
                GraphNode.of(Address.binding("app"), GraphNode.Step.APPLY), StepStatus.FAILED)));
  }

  static ApplyResult result() {
    return new ApplyResult(
        List.of(
            new StepResult(DB, StepStatus.SUCCEEDED, ""),
            new StepResult(OLD, StepStatus.SUCCEEDED, ""),
            new StepResult(APP, StepStatus.FAILED, BIND_ERROR),
            new StepResult(REPORT, StepStatus.SKIPPED, "because binding.app failed")),
        false);
  }

  static void play(ApplyListener listener) {
    events().forEach(listener::onEvent);
    listener.onFinish(result());
  }

  static Instant at(int seconds) {
    return T0.plusSeconds(seconds);
  }
}
