package dev.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing file or directory the user named is a plain error with the path (issue 19). */
class UserMistakesTest {
  @TempDir Path dir;
  private String config;

  @BeforeEach
  void setUp() throws IOException {
    config = Files.writeString(dir.resolve("catalog.yaml"), "apiVersion: catalog/v1\n").toString();
  }

  @Test
  void applyingAPlanFileThatDoesNotExistSaysSoWithThePath() {
    var missing = dir.resolve("nope.plan");

    var run = CliRun.run("apply", "-f", config, missing.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "Error: cannot read the plan file " + missing + ": no such file or directory\n");
  }

  @Test
  void savingAPlanIntoADirectoryThatDoesNotExistSaysWhichDirectory() {
    var out = dir.resolve("plans/x.plan");

    var run = CliRun.run("plan", "-f", config, "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "Error: cannot write the plan file "
                + out
                + ": the directory "
                + dir.resolve("plans")
                + " does not exist\n");
  }

  @Test
  void pushingAStateFileThatDoesNotExistSaysSoWithThePath() {
    var missing = dir.resolve("none.json");

    var run = CliRun.run("state", "push", "-f", config, missing.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo("Error: cannot read " + missing + ": no such file or directory\n");
  }
}
