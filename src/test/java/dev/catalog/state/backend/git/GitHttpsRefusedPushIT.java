package dev.catalog.state.backend.git;

import static dev.catalog.state.backend.git.GitRemoteFixture.emptyStateFile;
import static dev.catalog.state.backend.git.GitRemoteFixture.git;
import static dev.catalog.state.backend.git.GitRemoteFixture.stateFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Pushes a Git server refuses (hooks, a racing writer as git-http-backend reports it) and a lock
 * ref catalog cannot read, over HTTPS (issue 19 item 7).
 */
class GitHttpsRefusedPushIT extends HttpsRemoteTest {
  @Test
  void aPushTheRemoteRefusesOnceWhileTheBranchStaysIsSentAgain() throws IOException {
    hook(
        "pre-receive",
        "if grep -q ' refs/heads/main$' && [ -e refuse-once ]; then\n"
            + "  rm refuse-once; echo 'main is frozen for a moment' >&2; exit 1\nfi\n");
    Files.createFile(repo.resolve("refuse-once"));
    var pushed = run(writer(), "state", "push", stateFile(dir, "orders-db").toString());
    assertThat(pushed.exitCode()).as(pushed.err()).isZero();
    assertThat(repo.resolve("refuse-once")).doesNotExist();
    assertThat(git(repo, "log", "--format=%s", "main"))
        .isEqualTo("catalog: push state (serial 1)\n");
  }

  @Test
  void aPushTheRemoteAlwaysRefusesIsReportedWithTheRemotesReason() throws IOException {
    hook(
        "pre-receive",
        "if grep -q ' refs/heads/main$'; then\n"
            + "  echo 'refs/heads/main is protected: changes need a review' >&2; exit 1\nfi\n");
    var pushed = run(writer(), "state", "push", stateFile(dir, "orders-db").toString());
    assertThat(pushed.exitCode()).isEqualTo(1);
    assertThat(pushed.err())
        .startsWith(
            "Error: the remote "
                + url
                + " refused the push of refs/heads/main 3 times (REJECTED_OTHER_REASON:"
                + " pre-receive hook declined) while the branch stayed at the version read, so no"
                + " other writer was involved; nothing was written\n"
                + "The remote said: refs/heads/main is protected: changes need a review\n");
    assertThat(git(repo, "for-each-ref", "refs/heads", "refs/catalog")).isEmpty();
  }

  @Test
  void aWriterThatMovesTheBranchWhileThePushIsReceivedIsAConflict() throws IOException {
    run(writer(), "state", "push", stateFile(dir, "orders-db").toString());
    var before = git(repo, "rev-parse", "main").trim();
    var other =
        git(repo, "commit-tree", "main^{tree}", "-p", "main", "-m", "another writer").trim();
    // The update hook runs between the checks and the ref update, as a racing push would.
    hook(
        "update",
        "if [ \"$1\" = refs/heads/main ] && [ -e move-main ]; then\n"
            + "  git update-ref refs/heads/main \"$(cat move-main)\"; rm move-main\nfi\n");
    Files.writeString(repo.resolve("move-main"), other + "\n");
    var pushed = run(writer(), "state", "push", "--force", stateFile(dir, "audit-db").toString());
    assertThat(pushed.exitCode()).isEqualTo(1);
    assertThat(pushed.err())
        .matches(
            Pattern.quote(
                "The previous state is kept in the history of "
                    + identity()
                    + " (commit "
                    + before
                    + ")\n"
                    + "Error: state "
                    + identity()
                    + " changed since it was read: expected version "
                    + before
                    + ", found "
                    + other
                    + "; nothing was written, read it again and retry\n"));
    assertThat(git(repo, "rev-parse", "main").trim()).isEqualTo(other);
  }

  @Test
  void aLockRefThatHoldsNoLockInfoIsReportedAsSuchAndCanBeForceUnlocked() {
    run(writer(), "state", "push", emptyStateFile(dir).toString());
    var garbage = git(repo, "commit-tree", "main^{tree}", "-m", "WIP: not a lock").trim();
    git(repo, "update-ref", "refs/catalog/locks/main/catalog.state.json", garbage);
    var plan = run(writer(), "plan");
    assertThat(plan.exitCode()).isEqualTo(3);
    assertThat(plan.err())
        .isEqualTo(
            "Error: state "
                + identity()
                + " is locked by a lock ref catalog cannot read:"
                + " refs/catalog/locks/main/catalog.state.json points at commit "
                + garbage
                + ", whose message is not catalog lock info (damaged, or written by another tool)."
                + " If no catalog run is active, remove it: git push "
                + url
                + " :refs/catalog/locks/main/catalog.state.json  (or: catalog force-unlock "
                + garbage
                + ") The state shows no operation in flight. If no catalog run is active, release"
                + " the lock with: catalog force-unlock "
                + garbage
                + "\n");
    var released = run(writer(), "force-unlock", garbage);
    assertThat(released.exitCode()).as(released.err()).isZero();
    assertThat(git(repo, "for-each-ref", "refs/catalog")).isEmpty();
  }
}
