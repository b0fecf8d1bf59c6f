package dev.catalog.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class LineProgressRendererTest {
  @Test
  void printsALinePerEventThrottlesRepeatedPollsThenErrorsAndSummary() {
    var text = new StringWriter();

    ProgressScript.play(new LineProgressRenderer(new PrintWriter(text), false));

    assertThat(text.toString())
        .isEqualTo(
            """
            instance.db: Creating...
            instance.old: Destroying...
            instance.db: Still creating... [2s elapsed] provisioning
            instance.old: Destruction complete after 5s
            instance.db: Still creating... [12s elapsed] provisioning
            instance.db: Still creating... [13s elapsed] creating [2J users
            instance.db: Creation complete after 1m15s
            binding.app: Creating...
            binding.app: Creation failed after 1s
            binding.report: Skipped because binding.app failed

            Error: binding.app: bind failed: broker "acme" returned 500 Internal Server Error: \
            "out of connections"
            Apply failed! Resources: 1 added, 0 changed, 1 destroyed; 1 failed, 1 skipped.
            """);
  }

  @Test
  void errorLinesGoToStderrWhileProgressAndTheSummaryStayOnStdout() {
    var out = new StringWriter();
    var err = new StringWriter();

    ProgressScript.play(
        new LineProgressRenderer(new PrintWriter(out), new PrintWriter(err), false, false));

    assertThat(err.toString())
        .isEqualTo(
            "Error: binding.app: bind failed: broker \"acme\" returned 500 Internal Server Error:"
                + " \"out of connections\"\n");
    assertThat(out.toString())
        .doesNotContain("Error:")
        .endsWith(
            "binding.report: Skipped because binding.app failed\n\n"
                + "Apply failed! Resources: 1 added, 0 changed, 1 destroyed; 1 failed,"
                + " 1 skipped.\n");
  }

  @Test
  void aStepWithNoEventsForTenSecondsGetsAStillLineOnTheNextTick() {
    var text = new StringWriter();
    var renderer = new LineProgressRenderer(new PrintWriter(text), false);
    var t0 = ProgressScript.T0;

    renderer.onEvent(new dev.catalog.apply.ApplyEvent.Started(ProgressScript.DB, t0));
    renderer.tick(t0.plusSeconds(9));
    renderer.tick(t0.plusSeconds(10));
    renderer.tick(t0.plusSeconds(15));
    renderer.onEvent(
        new dev.catalog.apply.ApplyEvent.Polling(
            ProgressScript.DB, t0.plusSeconds(16), java.time.Duration.ofSeconds(16), "warming"));
    renderer.tick(t0.plusSeconds(25));
    renderer.tick(t0.plusSeconds(26));
    renderer.onEvent(
        new dev.catalog.apply.ApplyEvent.Completed(
            ProgressScript.DB, t0.plusSeconds(27), java.time.Duration.ofSeconds(27)));
    renderer.tick(t0.plusSeconds(40));

    assertThat(text.toString())
        .isEqualTo(
            """
            instance.db: Creating...
            instance.db: Still creating... [10s elapsed]
            instance.db: Still creating... [16s elapsed] warming
            instance.db: Still creating... [26s elapsed] warming
            instance.db: Creation complete after 27s
            """);
  }

  @Test
  void colourMarksFailuresAndTheSummary() {
    var text = new StringWriter();

    ProgressScript.play(new LineProgressRenderer(new PrintWriter(text), true));

    assertThat(text.toString())
        .contains("\u001B[31;1mbinding.app: Creation failed after 1s\u001B[0m\n")
        .endsWith(
            "\u001B[31;1mApply failed! Resources: 1 added, 0 changed, 1 destroyed; 1 failed,"
                + " 1 skipped.\u001B[0m\n");
  }
}
