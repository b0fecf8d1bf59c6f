package dev.catalog.state.backend.git;

import dev.catalog.CatalogException;
import dev.catalog.state.backend.LockInfo;
import dev.catalog.state.backend.StateBackend;
import dev.catalog.state.backend.StateConflictException;
import dev.catalog.state.backend.StoredState;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor.PathEdit;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * State in a file on a branch of any Git remote. The version token is the commit id read; a write
 * is a commit whose parent is that commit, pushed without force, so a rejected push is a conflict.
 * History is the audit log: each commit message names the resources changed.
 */
public final class GitBackend implements StateBackend {
  /** A refused push is sent at most this often while the branch has not moved. */
  static final int PUSH_ATTEMPTS = 3;

  private static final Duration RETRY_DELAY = Duration.ofMillis(500);

  private final GitSettings settings;
  private final GitRemote remote;
  private final GitLock lock;
  private final String branchRef;

  public GitBackend(GitSettings settings) {
    this.settings = settings;
    this.remote = new GitRemote(settings);
    this.branchRef = Constants.R_HEADS + settings.branch();
    this.lock = new GitLock(settings, remote, this::identity, this::author);
  }

  /** Git keeps every state in its history; nothing to write. */
  @Override
  public Optional<String> keepPrevious(byte[] content, Optional<String> version) {
    return version.map(commit -> "the history of " + identity() + " (commit " + commit + ")");
  }

  @Override
  public String identity() {
    return "git:" + settings.displayUrl() + "#" + settings.branch() + ":" + settings.path();
  }

  @Override
  public Optional<StoredState> read() {
    var head = remote.fetch(branchRef);
    if (head == null) {
      return Optional.empty();
    }
    return content(head).map(bytes -> new StoredState(bytes, head.name()));
  }

  private Optional<byte[]> content(ObjectId commit) {
    var repo = remote.cache();
    try (var walk = new RevWalk(repo)) {
      var tree = walk.parseCommit(commit).getTree();
      try (var entry = TreeWalk.forPath(repo, settings.path(), tree)) {
        if (entry == null) {
          return Optional.empty();
        }
        try (var in = repo.open(entry.getObjectId(0), Constants.OBJ_BLOB).openStream()) {
          return Optional.of(in.readAllBytes());
        }
      }
    } catch (IOException e) {
      throw new CatalogException("cannot read " + identity() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String write(byte[] content, Optional<String> expected, String summary) {
    ObjectId parent;
    if (expected.isPresent()) {
      // No fetch first: the push names the expected old id, so the remote itself refuses it when
      // the branch moved (compare-and-swap). A fetch per write was a second round trip to the
      // remote for every state write of an apply (issue 7).
      parent = ObjectId.fromString(expected.get());
    } else {
      // No state was read: the branch may exist without the file, but the file must not exist.
      var head = remote.fetch(branchRef);
      if (head != null && content(head).isPresent()) {
        throw conflict(expected, head);
      }
      parent = head;
    }
    var commit = commit(content, parent, "catalog: " + summary);
    for (int attempt = 1; ; attempt++) {
      GitRemote.Pushed pushed;
      try {
        pushed =
            remote.pushReporting(commit, branchRef, parent == null ? ObjectId.zeroId() : parent);
      } catch (CatalogException pushFailed) {
        // The connection broke: the push may have landed or not. Only the remote knows.
        if (commit.equals(headOrNull())) {
          return commit.name();
        }
        throw pushFailed;
      }
      var update = pushed.update();
      switch (update.getStatus()) {
        case OK, UP_TO_DATE:
          return commit.name();
        case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED:
          throw conflict(expected, remote.fetch(branchRef));
        default:
          // Any other refusal ("failed to update ref", "cannot lock ref", a hook): a branch that
          // moved means another writer won, a conflict; a branch still at our parent means the
          // push can be sent again as it was, since it names the expected old id (issue 19).
          var head = remote.fetch(branchRef);
          if (commit.equals(head)) {
            return commit.name();
          }
          if (!Objects.equals(head, parent)) {
            throw conflict(expected, head);
          }
          if (attempt == PUSH_ATTEMPTS) {
            throw rejected(pushed, attempt);
          }
          pause(attempt);
      }
    }
  }

  private ObjectId headOrNull() {
    try {
      return remote.fetch(branchRef);
    } catch (CatalogException unreachable) {
      return null;
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(RETRY_DELAY.toMillis() * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CatalogException("interrupted while retrying a refused push; nothing was written");
    }
  }

  private ObjectId commit(byte[] content, ObjectId parent, String message) {
    var repo = remote.cache();
    try (var inserter = repo.newObjectInserter();
        var reader = repo.newObjectReader()) {
      var blob = inserter.insert(Constants.OBJ_BLOB, content);
      DirCache index;
      if (parent == null) {
        index = DirCache.newInCore();
      } else {
        try (var walk = new RevWalk(reader)) {
          index = DirCache.read(reader, walk.parseCommit(parent).getTree());
        }
      }
      var editor = index.editor();
      editor.add(
          new PathEdit(settings.path()) {
            @Override
            public void apply(DirCacheEntry entry) {
              entry.setFileMode(FileMode.REGULAR_FILE);
              entry.setObjectId(blob);
            }
          });
      editor.finish();
      var builder = new CommitBuilder();
      builder.setTreeId(index.writeTree(inserter));
      if (parent != null) {
        builder.setParentId(parent);
      }
      builder.setAuthor(author());
      builder.setCommitter(author());
      builder.setMessage(message + "\n");
      var id = inserter.insert(builder);
      inserter.flush();
      return id;
    } catch (IOException e) {
      throw new CatalogException(
          "cannot commit state for " + identity() + ": " + e.getMessage(), e);
    }
  }

  PersonIdent author() {
    return new PersonIdent(
        settings.authorName(), settings.authorEmail(), Instant.now(), java.time.ZoneOffset.UTC);
  }

  private StateConflictException conflict(Optional<String> expected, ObjectId found) {
    return new StateConflictException(
        "state "
            + identity()
            + " changed since it was read: expected version "
            + expected.orElse("(no state)")
            + ", found "
            + (found == null ? "(no branch)" : found.name())
            + "; nothing was written, read it again and retry");
  }

  private CatalogException rejected(GitRemote.Pushed pushed, int attempts) {
    var update = pushed.update();
    var said =
        pushed.remoteMessages().isEmpty() ? "" : "\nThe remote said: " + pushed.remoteMessages();
    return new CatalogException(
        "the remote "
            + settings.displayUrl()
            + " refused the push of "
            + branchRef
            + " "
            + attempts
            + " times ("
            + update.getStatus()
            + (update.getMessage() == null ? "" : ": " + update.getMessage())
            + ") while the branch stayed at the version read, so no other writer was involved;"
            + " nothing was written"
            + said);
  }

  @Override
  public void lock(LockInfo info) {
    lock.lock(info);
  }

  @Override
  public void unlock(String lockId) {
    lock.unlock(lockId);
  }

  @Override
  public Optional<LockInfo> currentLock() {
    return lock.current();
  }

  @Override
  public void forceUnlock(String lockId) {
    lock.forceUnlock(lockId);
  }

  @Override
  public java.util.List<String> warnings() {
    return settings.warnings();
  }

  @Override
  public void close() {
    remote.close();
  }
}
