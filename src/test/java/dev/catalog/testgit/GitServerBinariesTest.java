package dev.catalog.testgit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.opentest4j.TestAbortedException;

class GitServerBinariesTest {
  private static final List<Path> MISSING = List.of(Path.of("/nonexistent/sbin/nginx"));

  @Test
  void missingServersFailTheTestUnderCiSoABrokenInstallStepCannotHide() {
    assertThatThrownBy(
            () -> GitServerBinaries.require(MISSING, "nginx-light", Map.of("CI", "true")))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "CI=true and the Git server tests cannot run: No /nonexistent/sbin/nginx: install"
                + " them with apt-get install nginx-light (.ci/run does).");
  }

  @Test
  void missingServersSkipTheTestWithTheReasonOutsideCi() {
    assertThatThrownBy(() -> GitServerBinaries.require(MISSING, "nginx-light", Map.of()))
        .isInstanceOf(TestAbortedException.class)
        .hasMessage(
            "No /nonexistent/sbin/nginx: install them with apt-get install nginx-light (.ci/run"
                + " does).");
  }
}
