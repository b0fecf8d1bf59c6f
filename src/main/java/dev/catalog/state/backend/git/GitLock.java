package dev.catalog.state.backend.git;

import dev.catalog.CatalogException;
import dev.catalog.state.backend.LockInfo;
import dev.catalog.state.backend.LockInfoCodec;
import dev.catalog.state.backend.StateLockedException;
import dev.catalog.state.backend.StateReadOnlyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * The Git lock: a ref {@code refs/catalog/locks/...} pointing at a commit whose message is the lock
 * info. It is pushed only if absent (expected old id zero) and deleted on unlock only if it still
 * points at the holder's commit.
 */
final class GitLock {
  private final GitSettings settings;
  private final GitRemote remote;
  private final Supplier<String> identity;
  private final Supplier<PersonIdent> author;
  private final Map<String, ObjectId> held = new HashMap<>();

  GitLock(
      GitSettings settings,
      GitRemote remote,
      Supplier<String> identity,
      Supplier<PersonIdent> author) {
    this.settings = settings;
    this.remote = remote;
    this.identity = identity;
    this.author = author;
  }

  synchronized void lock(LockInfo info) {
    var commit = lockCommit(info);
    RemoteRefUpdate update;
    try {
      update = remote.push(commit, settings.lockRef(), ObjectId.zeroId());
    } catch (CatalogException pushFailed) {
      throw readOnlyOr(pushFailed, pushFailed.getMessage());
    }
    if (update.getStatus() == RemoteRefUpdate.Status.OK) {
      held.put(info.id(), commit);
      return;
    }
    var id = remote.fetch(settings.lockRef());
    if (id == null) {
      // Refused although no lock exists: a hook or a permission, not another holder.
      throw readOnlyOr(
          null,
          "the remote refused to create "
              + settings.lockRef()
              + " ("
              + update.getStatus()
              + (update.getMessage() == null ? "" : ": " + update.getMessage())
              + ")");
    }
    var holder = decode(id);
    if (holder.isEmpty()) {
      throw new StateLockedException(
          "state "
              + identity.get()
              + " is locked by a lock ref catalog cannot read: "
              + settings.lockRef()
              + " points at commit "
              + id.name()
              + ", whose message is not catalog lock info (damaged, or written by another tool)."
              + " If no catalog run is active, remove it: git push "
              + settings.displayUrl()
              + " :"
              + settings.lockRef()
              + "  (or: catalog force-unlock "
              + id.name()
              + ")",
          unreadable(id));
    }
    throw new StateLockedException(
        LockInfoCodec.describe(identity.get(), holder.get())
            + "\nTo remove it by hand: git push "
            + settings.displayUrl()
            + " :"
            + settings.lockRef()
            + "  (or: catalog force-unlock "
            + holder.get().id()
            + ")",
        holder.get());
  }

  /**
   * The lock could not be pushed: when the remote still answers a fetch, this run may read but not
   * write (a read-only token or key), which a plan can live with; otherwise the remote is down and
   * the push's own error says so.
   */
  private CatalogException readOnlyOr(CatalogException pushFailed, String why) {
    try {
      remote.fetch(settings.lockRef());
    } catch (CatalogException unreachable) {
      return pushFailed != null ? pushFailed : unreachable;
    }
    return new StateReadOnlyException(
        "cannot take the lock on state "
            + identity.get()
            + ": it can be read but not written with these credentials ("
            + why
            + ")",
        pushFailed);
  }

  synchronized void unlock(String lockId) {
    var commit = held.remove(lockId);
    if (commit == null) {
      return;
    }
    var update = remote.push(null, settings.lockRef(), commit);
    switch (update.getStatus()) {
      case OK, NON_EXISTING:
        return;
      case REJECTED_REMOTE_CHANGED:
        // Someone force-unlocked it and another run holds it now: it is not ours to delete.
        return;
      default:
        throw new CatalogException(
            "cannot delete lock "
                + settings.lockRef()
                + " at "
                + settings.displayUrl()
                + " ("
                + update.getStatus()
                + (update.getMessage() == null ? "" : ": " + update.getMessage())
                + "); remove it by hand: git push "
                + settings.displayUrl()
                + " :"
                + settings.lockRef());
    }
  }

  synchronized Optional<LockInfo> current() {
    var id = remote.fetch(settings.lockRef());
    if (id == null) {
      return Optional.empty();
    }
    return Optional.of(decode(id).orElseGet(() -> unreadable(id)));
  }

  synchronized void forceUnlock(String lockId) {
    var id = remote.fetch(settings.lockRef());
    if (id == null) {
      throw new CatalogException("state " + identity.get() + " is not locked");
    }
    var info = decode(id).orElseGet(() -> unreadable(id));
    if (!info.id().equals(lockId)) {
      throw new CatalogException(
          "lock id "
              + lockId
              + " does not match the lock on state "
              + identity.get()
              + " (id "
              + info.id()
              + ", held by "
              + info.holder()
              + "); nothing was released");
    }
    var update = remote.push(null, settings.lockRef(), id);
    if (update.getStatus() != RemoteRefUpdate.Status.OK) {
      throw new CatalogException(
          "cannot delete "
              + settings.lockRef()
              + " at "
              + settings.displayUrl()
              + " ("
              + update.getStatus()
              + "); remove it by hand: git push "
              + settings.displayUrl()
              + " :"
              + settings.lockRef());
    }
    held.remove(lockId);
  }

  /** The lock info in the lock commit's message; empty when it is not lock info. */
  private Optional<LockInfo> decode(ObjectId commit) {
    try (var walk = new RevWalk(remote.cache())) {
      var message = walk.parseCommit(commit).getFullMessage();
      return LockInfoCodec.decode(message.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CatalogException(
          "cannot read lock " + settings.lockRef() + ": " + e.getMessage(), e);
    }
  }

  /**
   * A lock whose info cannot be read: its id is the lock commit's, so {@code force-unlock} can name
   * it; no holder or time is made up (it used to say "unknown since 1970").
   */
  private static LockInfo unreadable(ObjectId commit) {
    return new LockInfo(
        commit.name(), "an unreadable lock ref", "unknown", Instant.EPOCH, "unknown");
  }

  private ObjectId lockCommit(LockInfo info) {
    try (var inserter = remote.cache().newObjectInserter()) {
      var builder = new CommitBuilder();
      builder.setTreeId(inserter.insert(new TreeFormatter()));
      builder.setAuthor(author.get());
      builder.setCommitter(author.get());
      builder.setMessage(new String(LockInfoCodec.encode(info), StandardCharsets.UTF_8));
      var id = inserter.insert(builder);
      inserter.flush();
      return id;
    } catch (IOException e) {
      throw new CatalogException("cannot create lock commit: " + e.getMessage(), e);
    }
  }
}
