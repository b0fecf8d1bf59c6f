package dev.catalog.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.apply.ApplyEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TerminalProgressRendererTest {
  static final String UP = "\u001B[1A\u001B[2K";

  @Test
  void keepsOneLiveLinePerRunningOperationAndScrollsFinishedOnesAbove() {
    var text = new StringWriter();
    var clock = Clock.fixed(ProgressScript.at(30), ZoneOffset.UTC);
    var renderer = new TerminalProgressRenderer(new PrintWriter(text), true, false, 60, clock);

    renderer.onEvent(new ApplyEvent.Started(ProgressScript.DB, ProgressScript.at(0)));
    renderer.onEvent(new ApplyEvent.Started(ProgressScript.OLD, ProgressScript.at(0)));
    renderer.onEvent(
        new ApplyEvent.Polling(
            ProgressScript.DB, ProgressScript.at(2), Duration.ofSeconds(2), "provisioning 40%"));
    renderer.onEvent(
        new ApplyEvent.Completed(ProgressScript.OLD, ProgressScript.at(5), Duration.ofSeconds(5)));
    renderer.tick();
    renderer.onEvent(
        new ApplyEvent.Polling(
            ProgressScript.DB,
            ProgressScript.at(40),
            Duration.ofSeconds(40),
            "a description far too long to fit on one line of the terminal"));

    assertThat(text.toString())
        .isEqualTo(
            "  instance.db  creating  0s\n"
                + UP
                + "  instance.db  creating  0s\n"
                + "  instance.old  destroying  0s\n"
                + UP
                + UP
                + "  instance.db  creating  2s  provisioning 40%\n"
                + "  instance.old  destroying  2s\n"
                + UP
                + UP
                + "instance.old: Destruction complete after 5s\n"
                + "  instance.db  creating  5s  provisioning 40%\n"
                + UP
                + "  instance.db  creating  30s  provisioning 40%\n"
                + UP
                + "  instance.db  creating  40s  a description far too long to…\n");
  }

  @Test
  void theSummaryReplacesTheLiveBlock() {
    var text = new StringWriter();
    var clock = Clock.fixed(ProgressScript.at(0), ZoneOffset.UTC);
    var renderer = new TerminalProgressRenderer(new PrintWriter(text), true, false, 80, clock);

    ProgressScript.play(renderer);

    assertThat(text.toString())
        .endsWith(
            "binding.report: Skipped because binding.app failed\n"
                + "\n"
                + "Error: "
                + ProgressScript.BIND_ERROR
                + "\n"
                + "Apply failed! Resources: 1 added, 0 changed, 1 destroyed; 1 failed, 1"
                + " skipped.\n")
        .doesNotContain("\u001B[2J");
  }

  @Test
  void withoutATerminalPrintsWhatTheLineRendererPrints() {
    var terminal = new StringWriter();
    var lines = new StringWriter();
    var clock = Clock.fixed(ProgressScript.at(0), ZoneOffset.UTC);

    ProgressScript.play(
        new TerminalProgressRenderer(new PrintWriter(terminal), false, false, 80, clock));
    ProgressScript.play(new LineProgressRenderer(new PrintWriter(lines), false));

    assertThat(terminal.toString()).isEqualTo(lines.toString()).doesNotContain("\u001B");
  }
}
