package dev.catalog.state.backend.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.CatalogException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitSettingsTest {
  @TempDir Path dir;

  @Test
  void defaultsAreMainBranchRootFileAndACachePerUrl() {
    var settings =
        GitSettings.from(
            Map.of("url", "https://git.example/ops/state.git"),
            dir,
            Map.of("XDG_CACHE_HOME", "/c"));
    assertThat(settings.branch()).isEqualTo("main");
    assertThat(settings.path()).isEqualTo("catalog.state.json");
    assertThat(settings.authorName()).isEqualTo("catalog");
    assertThat(settings.cacheDir().getParent()).isEqualTo(Path.of("/c/catalog/git"));
    assertThat(settings.lockRef()).isEqualTo("refs/catalog/locks/main/catalog.state.json");
  }

  @Test
  void aRelativeUrlIsAPathBesideTheConfiguration() {
    var settings = GitSettings.from(Map.of("url", "state.git"), dir, Map.of());
    assertThat(settings.url()).isEqualTo(dir.resolve("state.git").toString());
  }

  @Test
  void theTokenComesFromTheNamedVariableAndNeverShowsInTheIdentity() {
    var settings =
        GitSettings.from(
            Map.of("url", "https://bot@git.example/s.git", "tokenEnv", "GIT_TOKEN"),
            dir,
            Map.of("GIT_TOKEN", "ghp_s3cretvalue"));
    assertThat(settings.token().orElseThrow().reveal()).isEqualTo("ghp_s3cretvalue");
    assertThat(settings.toString()).doesNotContain("ghp_s3cretvalue");
    assertThat(settings.displayUrl()).isEqualTo("https://git.example/s.git");
  }

  @Test
  void aMissingTokenVariableIsNamed() {
    assertThatThrownBy(
            () -> GitSettings.from(Map.of("url", "u", "tokenEnv", "GIT_TOKEN"), dir, Map.of()))
        .isInstanceOf(CatalogException.class)
        .hasMessage(
            "the git state backend reads its token from environment variable GIT_TOKEN"
                + " (tokenEnv), which is not set");
  }

  @Test
  void theTokenFileIsReadAndTrimmed() throws IOException {
    Files.writeString(dir.resolve("token"), "tok-123\n");
    var settings = GitSettings.from(Map.of("url", "u", "tokenFile", "token"), dir, Map.of());
    assertThat(settings.token().orElseThrow().reveal()).isEqualTo("tok-123");
  }

  @Test
  void anAuthorWithoutAnEmailIsRejected() {
    assertThatThrownBy(() -> GitSettings.from(Map.of("url", "u", "author", "bot"), dir, Map.of()))
        .isInstanceOf(CatalogException.class)
        .hasMessage("invalid git backend author 'bot': expected 'Name <email>'");
  }

  @Test
  void theLockRefIsAValidRefNameForAnyPath() {
    var settings =
        GitSettings.from(
            Map.of("url", "u", "branch", "prod", "path", "/.hidden/my state.lock"), dir, Map.of());
    assertThat(settings.lockRef()).isEqualTo("refs/catalog/locks/prod/_hidden/my_state_lock");
  }

  @Test
  void aMissingUrlIsNamed() {
    assertThatThrownBy(() -> GitSettings.from(Map.of(), dir, Map.of()))
        .isInstanceOf(CatalogException.class)
        .hasMessage("the git state backend needs 'url': a repository path, https:// or ssh:// URL");
  }
}
