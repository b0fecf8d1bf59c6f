package dev.catalog.state.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.state.StateCodec;
import dev.catalog.state.StateStore;
import dev.catalog.state.TestStates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract against the {@code git} backend: a real bare repository on disk reached through
 * JGit's file transport, plus what the {@code git} command line sees of the result.
 */
class GitBackendIT extends StateBackendContract {
  private Path remote;

  @Override
  protected String type() {
    return "git";
  }

  @Override
  protected Map<String, String> settings() {
    remote = workDir.resolve("remote.git");
    try (var git = Git.init().setBare(true).setInitialBranch("main").setDirectory(remote.toFile()).call()) {
      return Map.of(
          "url", remote.toString(),
          "branch", "main",
          "path", "envs/prod/catalog.state.json",
          "author", "Catalog Bot <bot@example.com>",
          "cacheDir", workDir.resolve("cache").toString());
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void theGitCommandLineSeesOneCommitPerWriteNamingTheResources() throws Exception {
    var store = new StateStore(open(), "test");
    store.update(s -> s.with(TestStates.instance("orders-db")));
    var last =
        store.update(
            s -> s.with(TestStates.binding("orders-app", TestStates.instance("orders-db"))));
    assertThat(git("log", "--format=%s|%an <%ae>", "main"))
        .isEqualTo(
            "catalog: create binding.orders-app|Catalog Bot <bot@example.com>\n"
                + "catalog: create instance.orders-db|Catalog Bot <bot@example.com>\n");
    assertThat(git("show", "main:envs/prod/catalog.state.json"))
        .isEqualTo(new String(new StateCodec().encode(last.state()), StandardCharsets.UTF_8));
    assertThat(git("rev-parse", "main").trim()).isEqualTo(last.version().orElseThrow());
    assertThat(git("fsck", "--strict")).isEmpty();
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void theLockIsARefTheGitCommandLineCanSeeAndItIsDeletedOnUnlock() throws Exception {
    var backend = open();
    backend.lock(new LockInfo("lock-1", "alice@build-1", "apply", TestStates.STARTED, "0.1.0"));
    assertThat(git("for-each-ref", "--format=%(refname)", "refs/catalog/locks"))
        .isEqualTo("refs/catalog/locks/main/envs/prod/catalog.state.json\n");
    assertThat(git("log", "-1", "--format=%B", "refs/catalog/locks/main/envs/prod/catalog.state.json"))
        .contains("\"holder\" : \"alice@build-1\"");
    backend.unlock("lock-1");
    assertThat(git("for-each-ref", "refs/catalog/locks")).isEmpty();
  }

  private String git(String... args) throws IOException, InterruptedException {
    var command = new ArrayList<>(List.of("git", "--git-dir=" + remote));
    command.addAll(List.of(args));
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    return output;
  }
}
