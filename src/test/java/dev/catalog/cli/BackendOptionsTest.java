package dev.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.config.BackendKind;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BackendOptionsTest {
  private static BackendOptions parse(String... args) {
    var options = new BackendOptions();
    new CommandLine(options).parseArgs(args);
    return options;
  }

  @Test
  void withoutFlagsOrYamlTheBackendIsLocal() {
    assertThat(parse().choose()).isEqualTo(new BackendOptions.Choice(BackendKind.LOCAL, Map.of()));
  }

  @Test
  void flagsOverrideTheYamlSettingsOfTheSameType() {
    var choice =
        parse("--backend-config", "branch=state")
            .choose(BackendKind.GIT, Map.of("url", "https://git.example/x.git", "branch", "main"));
    assertThat(choice)
        .isEqualTo(
            new BackendOptions.Choice(
                BackendKind.GIT, Map.of("url", "https://git.example/x.git", "branch", "state")));
  }

  @Test
  void anotherBackendTypeDropsTheYamlSettings() {
    var choice =
        parse("--backend", "local").choose(BackendKind.GIT, Map.of("url", "https://git.example/x.git"));
    assertThat(choice).isEqualTo(new BackendOptions.Choice(BackendKind.LOCAL, Map.of()));
  }

  @Test
  void stateIsALocalPathShortcut() {
    var choice = parse("--state", "s.json").choose(BackendKind.GIT, Map.of("url", "u"));
    assertThat(choice)
        .isEqualTo(
            new BackendOptions.Choice(BackendKind.LOCAL, Map.of("path", Path.of("s.json").toString())));
  }

  @Test
  void lockDefaultsToOnWithNoTimeout() {
    var options = parse();
    assertThat(options.lock()).isTrue();
    assertThat(options.lockTimeout()).isZero();
    var off = parse("--lock=false", "--lock-timeout", "2m");
    assertThat(off.lock()).isFalse();
    assertThat(off.lockTimeout()).hasMinutes(2);
  }
}
