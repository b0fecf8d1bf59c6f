package dev.catalog.release;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.state.StateStore;
import dev.catalog.state.TestStates;
import dev.catalog.state.backend.local.LocalBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped bash completion script in a real bash, completing as a user's Tab would (issue 17):
 * values in the spelling the commands take, and addresses read from the state by the launcher.
 */
class CompletionIT {
  private static final Path SCRIPT = Path.of("target/dist/completion/catalog.bash");
  private static final String LAUNCHER =
      Path.of("target/dist/bin/catalog").toAbsolutePath().toString();

  @TempDir Path dir;
  private Path stateFile;

  @BeforeEach
  void recordAnInstanceAndItsBinding() {
    stateFile = dir.resolve("catalog.state.json");
    var db = TestStates.instance("orders-db");
    new StateStore(new LocalBackend(stateFile), "test")
        .update(s -> s.with(db).with(TestStates.binding("orders-app", db)));
  }

  @Test
  void formatValuesAreOfferedInLowerCase() throws IOException, InterruptedException {
    assertThat(complete(LAUNCHER, "plan", "--format", ""))
        .containsExactly("text", "json", "markdown");
    assertThat(complete(LAUNCHER, "apply", "--format", "j")).containsExactly("json");
  }

  @Test
  void targetOffersTheAddressesRecordedInTheStateNamedOnTheCommandLine()
      throws IOException, InterruptedException {
    assertThat(complete(LAUNCHER, "plan", "--state", stateFile.toString(), "--target", ""))
        .containsExactly("instance.orders-db", "binding.orders-app");
  }

  @Test
  void stateShowAndCredentialsOfferRecordedAddresses() throws IOException, InterruptedException {
    assertThat(complete(LAUNCHER, "state", "show", "--state", stateFile.toString(), "inst"))
        .containsExactly("instance.orders-db");
    assertThat(complete(LAUNCHER, "credentials", "--state", stateFile.toString(), "binding."))
        .containsExactly("binding.orders-app");
  }

  /** COMPREPLY after Tab on the last word of {@code words}. */
  private static List<String> complete(String... words) throws IOException, InterruptedException {
    var quoted = new StringBuilder();
    for (var word : words) {
      quoted.append(" '").append(word).append('\'');
    }
    var script =
        "source "
            + SCRIPT.toAbsolutePath()
            + "\nCOMP_WORDS=("
            + quoted
            + " )\nCOMP_CWORD="
            + (words.length - 1)
            + "\n_complete_catalog 2>/dev/null\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
    var process = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
    var output = new String(process.getInputStream().readAllBytes(), UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    return output.lines().filter(l -> !l.isEmpty()).toList();
  }
}
