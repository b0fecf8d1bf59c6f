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
  void theTokenIsASecretReferenceAsForBrokerPasswords() throws IOException {
    var fromEnv =
        GitSettings.from(
            Map.of("url", "u", "token", "fromEnv:GIT_TOKEN"), dir, Map.of("GIT_TOKEN", "t-1"));
    assertThat(fromEnv.token().orElseThrow().reveal()).isEqualTo("t-1");
    assertThat(fromEnv.warnings()).isEmpty();
    Files.writeString(dir.resolve("token"), "t-2\n");
    var fromFile = GitSettings.from(Map.of("url", "u", "token", "fromFile:token"), dir, Map.of());
    assertThat(fromFile.token().orElseThrow().reveal()).isEqualTo("t-2");
  }

  @Test
  void aTokenWrittenAsAValueIsRefusedWithoutQuotingIt() {
    assertThatThrownBy(
            () -> GitSettings.from(Map.of("url", "u", "token", "ghp_s3cret"), dir, Map.of()))
        .isInstanceOf(CatalogException.class)
        .hasMessage(
            "the git backend's token must be a reference, not a value: write token: { fromEnv:"
                + " NAME }, { fromFile: PATH } or { fromSecret: { namespace: NS, name: NAME,"
                + " key: KEY } } (on the command line: token=fromEnv:NAME)");
  }

  @Test
  void theOldTokenSettingsStillWorkWithADeprecationWarning() {
    var settings =
        GitSettings.from(
            Map.of("url", "u", "tokenEnv", "GIT_TOKEN"), dir, Map.of("GIT_TOKEN", "t-1"));
    assertThat(settings.warnings())
        .containsExactly(
            "the git backend setting 'tokenEnv: GIT_TOKEN' is deprecated and will be removed:"
                + " write 'token: { fromEnv: GIT_TOKEN }', as for broker passwords");
  }

  @Test
  void homeComesFromTheHomeVariableForSshAndTheCache() {
    var settings =
        GitSettings.from(Map.of("url", "ssh://git@host/s.git"), dir, Map.of("HOME", "/ci/home"));
    assertThat(settings.home()).isEqualTo(Path.of("/ci/home"));
    assertThat(settings.cacheDir().getParent()).isEqualTo(Path.of("/ci/home/.cache/catalog/git"));
  }

  @Test
  void theCaFileIsResolvedBesideTheConfigurationAndWinsOverGitSslCainfo() {
    var settings =
        GitSettings.from(
            Map.of("url", "https://git.example/s.git", "caFile", "ca.pem"),
            dir,
            Map.of("GIT_SSL_CAINFO", "/etc/other.pem"));
    assertThat(settings.ca().orElseThrow().describe()).isEqualTo("caFile " + dir.resolve("ca.pem"));
    var fromEnv =
        GitSettings.from(
            Map.of("url", "https://git.example/s.git"),
            dir,
            Map.of("GIT_SSL_CAINFO", "/etc/other.pem"));
    assertThat(fromEnv.ca().orElseThrow().describe()).isEqualTo("GIT_SSL_CAINFO /etc/other.pem");
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
